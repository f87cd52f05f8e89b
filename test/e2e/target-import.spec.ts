import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INI_FILE, openTargetImportCore, YAML_FILE } from '../integration/target-import-fixture';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
const dirs: string[] = [];
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function storedTargets(dataDir: string): { hostName: string; code: string }[] {
  const db = new Database(path.join(dataDir, 'outpost.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT t.host_name AS hostName, s.code FROM target_machines t JOIN sites s ON s.id = t.site_id ORDER BY t.host_name')
      .all() as { hostName: string; code: string }[];
  } finally {
    db.close();
  }
}

test('a release manager imports an Ansible inventory: secrets named as skipped, the unplaced host given a site, then ansible-inventory re-reads it without duplicates', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-targets-'));
  dirs.push(dataDir);
  openTargetImportCore(dataDir).core.close();
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);
  await page.getByTestId('deployment-row').filter({ hasText: 'Store refresh' }).click();
  await expect(page.getByTestId('deployment-overview')).toContainText('Store refresh');

  await page.getByTestId('import-targets').click();
  const dialog = page.getByTestId('target-import');
  await dialog.getByTestId('target-import-file').setInputFiles(INI_FILE);
  await expect(dialog.getByTestId('target-import-summary')).toHaveText(
    '28 hosts · 27 new · 0 to update · 0 unchanged · 1 without a site · 0 with errors',
  );
  await expect(dialog.getByTestId('target-import-format')).toHaveValue('Ansible inventory (INI)');
  await expect(dialog.getByTestId('target-import-skipped')).toContainText('bo01.store-014: ansible_password (host)');
  await expect(dialog.getByTestId('target-import-skipped')).toContainText('ansible_become_pass (group all): 28 hosts');
  await expect(dialog).not.toContainText('ANSIBLE_VAULT');
  await expect(dialog.getByTestId('target-import-commit')).toBeDisabled();

  // The preview with its site picker, badges and secrets list passes axe (WCAG 2.x A and AA, serious and critical findings).
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="target-import"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  const kiosk = dialog.locator('[data-testid="target-import-row"][data-host="kiosk-7"]');
  await expect(kiosk).toHaveAttribute('data-status', 'unmapped');
  await kiosk.getByTestId('target-import-site-picker').click();
  await page.getByRole('option', { name: 'STORE-01 · Store one' }).click();
  await expect(dialog.getByTestId('target-import-summary')).toHaveText(
    '28 hosts · 28 new · 0 to update · 0 unchanged · 0 without a site · 0 with errors',
  );
  await expect(kiosk).toHaveAttribute('data-status', 'new');
  await dialog.getByTestId('target-import-commit').click();
  await expect(dialog).toBeHidden();
  const stored = storedTargets(dataDir);
  expect(stored).toHaveLength(28);
  expect(stored.find((t) => t.hostName === 'kiosk-7')?.code).toBe('STORE-01');

  // The YAML inventory of the same hosts through ansible-inventory: nothing new, kiosk-7 asked again.
  await page.getByTestId('import-targets').click();
  await dialog.getByTestId('target-import-source').fill(YAML_FILE);
  await dialog.getByTestId('target-import-run-ansible').click();
  await expect(dialog.getByTestId('target-import-summary')).toHaveText(
    '28 hosts · 0 new · 0 to update · 27 unchanged · 1 without a site · 0 with errors',
    { timeout: 30_000 },
  );
  await dialog.getByTestId('target-import-source').fill('/nonexistent/inventory.ini');
  await dialog.getByTestId('target-import-run-ansible').click();
  await expect(dialog.getByTestId('target-import-error')).toContainText('ansible-inventory failed', { timeout: 30_000 });
  expect(storedTargets(dataDir)).toHaveLength(28);
});
