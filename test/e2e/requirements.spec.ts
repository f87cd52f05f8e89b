import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'goss');

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

interface RequirementRow {
  kind: string;
  targetRole: string | null;
}

test('a realistic goss.yaml is imported for a role with its skipped parts listed; a templated one is refused and changes nothing', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-requirements-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  const [deployment] = await shell.call<{ id: string }[]>('deployments.list', {});
  const stored = () => shell!.call<RequirementRow[]>('requirements.list', { deploymentId: deployment!.id });
  const before = (await stored()).length;
  expect(before).toBeGreaterThan(0); // the sample deployment's own requirements

  await page.goto(shell.url);
  const panel = page.getByTestId('requirements-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('requirement-row')).toHaveCount(before);
  await expect(panel.getByTestId('requirements-group').first()).toHaveAttribute('data-role', ''); // "All targets" first
  await expect(panel.getByTestId('requirements-group').first()).toContainText('All targets');
  await expect(panel).toContainText('port tcp/443 listening');

  // Import the realistic fixture for the pos-server role, picked from the site machines' roles.
  await page.getByTestId('import-goss').click();
  await page.getByTestId('goss-role').click();
  await page.getByRole('option', { name: 'pos-server', exact: true }).click();
  await expect(page.getByTestId('goss-role')).toHaveValue('pos-server');
  await page.getByTestId('goss-file').setInputFiles(path.join(FIXTURES, 'realistic.goss.yaml'));
  await expect(page.getByTestId('goss-file-name')).toHaveText('realistic.goss.yaml');
  await expect(page.getByTestId('goss-text')).toHaveValue(/openssh-server/);
  await page.getByTestId('goss-import-submit').click();

  await expect(page.getByTestId('goss-imported')).toContainText('28 requirements imported');
  // Every attribute of this file is judged with Goss's meaning (filetype, mount options, interface…).
  await expect(page.getByTestId('goss-imported-count')).toContainText('28 requirements added for pos-server. Nothing was skipped.');

  // Stored in SQLite and shown in the panel, under the pos-server group.
  const afterImport = await stored();
  expect(afterImport).toHaveLength(before + 28);
  expect(afterImport.slice(before).every((r) => r.targetRole === 'pos-server')).toBe(true);
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('requirement-row')).toHaveCount(before + 28);
  const posGroup = panel.locator('[data-testid="requirements-group"][data-role="pos-server"]');
  await expect(posGroup).toContainText('package nginx = 1.24.0-2ubuntu7');
  await expect(posGroup).toContainText('file /etc/ssh/sshd_config mode 0600 owner root group root contains 3 patterns');
  await expect(posGroup).toContainText('service cups stopped, disabled');
  await expect(posGroup).toContainText('package openssh-server installed');
  await expect(posGroup).toContainText('port tcp/23 not listening');
  await expect(posGroup).toContainText('user deploy uid 1001 groups deploy, sudo home /home/deploy shell /bin/bash');

  // The templated fixture is refused with every templated line, and nothing is added.
  await page.getByTestId('import-goss').click();
  await page.getByTestId('goss-file').setInputFiles(path.join(FIXTURES, 'templated.goss.yaml'));
  await expect(page.getByTestId('goss-text')).toHaveValue(/\{\{ \.Vars\.pos_port \}\}/);
  await page.getByTestId('goss-import-submit').click();
  const refused = page.getByTestId('goss-refused');
  await expect(refused).toContainText('nothing was changed');
  await expect(refused.getByTestId('goss-refused-reason')).toHaveCount(4);
  await expect(refused.getByTestId('goss-refused-reason').first()).toContainText('Line 6 uses a Goss template ({{ .Vars.pos_port }})');
  await expect(page.getByTestId('goss-imported')).toHaveCount(0);
  expect(await stored()).toHaveLength(before + 28);

  // A file over the API payload limit is refused before anything is sent.
  await page
    .getByTestId('goss-file')
    .setInputFiles({ name: 'huge.goss.yaml', mimeType: 'application/yaml', buffer: Buffer.alloc(300 * 1024, 'a') });
  await expect(page.getByTestId('goss-too-large')).toContainText('huge.goss.yaml is 300 KB: Outpost accepts at most 256 KB per request');
  await expect(page.getByTestId('goss-imported')).toHaveCount(0);

  // Pasted text with an empty role applies to every target.
  await page.getByTestId('goss-role').fill('');
  await page.getByTestId('goss-text').fill('process:\n  chronyd:\n    running: true\n');
  await page.getByTestId('goss-import-submit').click();
  await expect(page.getByTestId('goss-imported-count')).toContainText('1 requirement added for all targets. Nothing was skipped.');
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('requirement-row')).toHaveCount(before + 29);
  await expect(panel.locator('[data-testid="requirements-group"][data-role=""]')).toContainText('process chronyd running');
  const final = await stored();
  expect(final).toHaveLength(before + 29);
  expect(final.at(-1)).toMatchObject({ kind: 'process', targetRole: null });
});

test("a role's requirements are saved as a gossfile that imports back the same requirements", async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-goss-export-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  const [deployment] = await shell.call<{ id: string }[]>('deployments.list', {});
  type Imported = { imported: { kind: string; params: Record<string, unknown> }[] };
  const first = await shell.call<Imported>('requirements.importGoss', {
    deploymentId: deployment!.id,
    targetRole: 'pos-server',
    yaml: fs.readFileSync(path.join(FIXTURES, 'realistic.goss.yaml'), 'utf8'),
  });

  await page.goto(shell.url);
  const button = page.locator('[data-testid="export-goss"][data-role="pos-server"]');
  await expect(button).toBeVisible();
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-pos-server\.goss\.yaml$/);
  const yaml = fs.readFileSync((await file.path())!, 'utf8');
  expect(yaml).toContain('/etc/ssh/sshd_config:');
  expect(yaml).toContain('#   not exported: Ubuntu 24.04 or later: Goss has no OS resource');

  // Imported again (for a new role), the file gives the same requirements.
  const again = await shell.call<Imported>('requirements.importGoss', { deploymentId: deployment!.id, targetRole: 'copy', yaml });
  const keys = (list: Imported['imported']) => list.map((r) => JSON.stringify([r.kind, r.params]));
  for (const key of keys(first.imported)) expect(keys(again.imported)).toContain(key);
  await expect(page.getByText('Gossfile exported')).toBeVisible();
});
