import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
const dirs: string[] = [];
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test.use({ timezoneId: 'Europe/Amsterdam' });

test('a release manager exports the sample plan as a template file and starts a new deployment from it', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-template-'));
  dirs.push(dataDir);
  shell = await startBrowserShell(dataDir, ['--demo']);
  await shell.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  await page.goto(shell.url);
  await expect(page.getByTestId('deployment-overview')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('export-template').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.outpost-plan\.json$/);
  const saved = path.join(dataDir, file.suggestedFilename());
  await file.saveAs(saved);
  const template = JSON.parse(fs.readFileSync(saved, 'utf8'));
  expect(template).toMatchObject({ format: 'outpost-plan-template', version: 1 });
  expect(JSON.stringify(template)).not.toContain('AMS-001'); // no sites

  await page.getByRole('button', { name: 'New deployment' }).click();
  await page.getByTestId('new-from-template').click();
  await page.getByText('A plan template file').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('template-file').click();
  await (await chooser).setFiles(saved);
  await page.getByTestId('template-name').fill('Store refresh, autumn');
  await page.getByTestId('template-first-wave').fill('2027-09-06T08:00');
  await page.getByTestId('template-create').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const overview = page.getByTestId('deployment-overview');
  await expect(overview).toContainText('Store refresh, autumn');
  await expect(overview).toContainText(`0 sites · ${template.waves.length} waves`);
  const list = await shell.call<{ id: string; name: string }[]>('deployments.list', {});
  const made = list.find((d) => d.name === 'Store refresh, autumn')!;
  const detail = await shell.call<{ waves: { startsAt: string | null }[] }>('deployments.get', { deploymentId: made.id });
  expect(detail.waves[0]!.startsAt).toBe('2027-09-06T06:00:00.000Z'); // 08:00 in Amsterdam (CEST)
});
