import { expect, test, type Page } from '@playwright/test';
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

/** Screenshots for a person to look at, only when OUTPOST_E2E_SHOTS names a folder. */
async function screenshot(page: Page, name: string) {
  const dir = process.env.OUTPOST_E2E_SHOTS;
  if (!dir) return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(dir, `bulk-${name}.png`) });
}

interface SiteRow {
  code: string;
  technicians: { name: string }[];
}

test('a release manager shift-click selects sites, bulk-assigns two technicians, then undoes the last edit', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-bulk-'));
  dirs.push(dataDir);
  shell = await startBrowserShell(dataDir, ['--demo']);
  await shell.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  await page.goto(shell.url);
  await expect(page.getByTestId('deployment-overview')).toBeVisible();
  const deployments = await shell.call<{ id: string }[]>('deployments.list', {});
  const techniciansOf = async () => {
    const sites = await shell!.call<SiteRow[]>('sites.list', { deploymentId: deployments[0]!.id });
    return Object.fromEntries(sites.map((s) => [s.code, s.technicians.map((t) => t.name)]));
  };
  const before = await techniciansOf();

  // Wave 1 holds BRU-003, CGN-004, DUS-005 and LIL-006, in that order: click the first, shift-click the last.
  await page.getByTestId('bulk-select-BRU-003').click();
  await page.getByTestId('bulk-select-LIL-006').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-count')).toHaveText('4 selected');
  await expect(page.getByTestId('bulk-select-UTR-002')).not.toBeChecked();
  await expect(page.getByTestId('deployment-overview')).toBeVisible(); // a checkbox never opens the site

  for (const name of ['Ava Installer', 'Ben Cabler']) {
    await page.getByTestId('bulk-actions').click();
    await page.getByTestId('bulk-action-assignTechnician').click();
    await page.getByTestId('bulk-technician').fill(name);
    await expect(page.getByTestId('bulk-confirm-text')).toContainText(`Assign ${name} to 4 sites?`);
    await screenshot(page, 'confirm');
    await page.getByTestId('bulk-apply').click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  const table = page.getByTestId('sites-table');
  for (const code of ['BRU-003', 'CGN-004', 'DUS-005', 'LIL-006']) {
    await expect(table.locator('tr', { hasText: code })).toContainText('Ava Installer');
    await expect(table.locator('tr', { hasText: code })).toContainText('Ben Cabler');
  }
  await expect(table.locator('tr', { hasText: 'AMS-001' })).not.toContainText('Ava Installer');
  const assigned = await techniciansOf();
  expect(assigned['DUS-005']).toEqual([...before['DUS-005']!, 'Ava Installer', 'Ben Cabler']);
  expect(assigned['AMS-001']).toEqual(before['AMS-001']);

  // Undo takes back the last edit only (Ben Cabler), naming it on the button.
  const undo = page.getByTestId('bulk-undo');
  await screenshot(page, 'assigned');
  await expect(undo).toContainText('Assign Ben Cabler to 4 sites');
  await undo.click();
  await expect(table.locator('tr', { hasText: 'BRU-003' })).not.toContainText('Ben Cabler');
  await expect(table.locator('tr', { hasText: 'BRU-003' })).toContainText('Ava Installer');
  await expect(page.getByTestId('bulk-undo')).toHaveCount(0);
  const undone = await techniciansOf();
  for (const code of ['BRU-003', 'CGN-004', 'DUS-005', 'LIL-006']) expect(undone[code]).toEqual([...before[code]!, 'Ava Installer']);
});
