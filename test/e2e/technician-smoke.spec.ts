import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

interface SiteRow {
  id: string;
  code: string;
}
interface ItemRow {
  expectedSerial: string;
}

async function scan(page: Page, serial: string, outcome: string) {
  const input = page.getByTestId('scan-input');
  await expect(input).toBeFocused();
  await page.keyboard.type(serial);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', outcome);
}

async function expectReconciliation(page: Page, figures: Record<'expected' | 'received' | 'missing' | 'surplus', number>) {
  for (const [name, value] of Object.entries(figures)) await expect(page.getByTestId(`recon-${name}`)).toHaveText(String(value));
}

test('first run, sample deployment, receive scans and a checklist item survive a SIGKILL of the host', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-'));
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);

  // First run: choose a profile and open the sample deployment.
  await page.getByTestId('profile-name').fill('Riley Field');
  await page.getByTestId('open-sample').click();
  const firstSite = page.getByTestId('site-AMS-001');
  await expect(firstSite).toBeVisible();
  await expect(page.locator('[data-testid^="site-"]')).toHaveCount(6);

  // The serials to scan come from the site plan, as a delivery note would give them.
  const deployments = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<SiteRow[]>('sites.list', { deploymentId: deployments[0]!.id });
  const here = sites.find((s) => s.code === 'AMS-001')!;
  const { items } = await shell.call<{ items: ItemRow[] }>('inventory.list', { siteId: here.id, limit: 1 });
  const expectedSerial = items[0]!.expectedSerial;

  await firstSite.click();
  await page.getByTestId('tab-inventory').click();
  await expectReconciliation(page, { expected: 41, received: 0, missing: 41, surplus: 0 });
  await page.getByTestId('receive-mode').click();

  await scan(page, expectedSerial, 'received');
  await scan(page, 'UNLISTED-77231', 'unknown');
  await scan(page, expectedSerial, 'already_received');
  await expectReconciliation(page, { expected: 41, received: 1, missing: 40, surplus: 0 });

  // Checklist: complete the first item of the before phase (its evidence is a note: Done asks for it).
  await page.getByTestId('tab-checklist').click();
  const firstItem = page.getByTestId('checklist-item').first();
  await firstItem.getByTestId('item-done').click();
  await page.getByTestId('item-note').fill('1 of 41 received so far');
  await page.getByTestId('item-note-confirm').click();
  await expect(firstItem).toHaveAttribute('data-state', 'done');
  await expect(firstItem).toContainText('Riley Field');

  // Kill the host without warning, start it again on the same data: everything is still there.
  await shell.stop('SIGKILL');
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);
  await expect(page.getByTestId('profile-name')).toHaveCount(0);
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-inventory').click();
  await expectReconciliation(page, { expected: 41, received: 1, missing: 40, surplus: 0 });
  await page.getByTestId('inventory-search').fill(expectedSerial);
  await expect(page.getByTestId('inventory-row')).toHaveCount(1);
  await expect(page.getByTestId('inventory-row').first()).toContainText('Riley Field');
  await page.getByTestId('tab-checklist').click();
  await expect(page.getByTestId('checklist-item').first()).toHaveAttribute('data-state', 'done');
});

test('an unknown serial can be recorded as surplus from receive mode', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-UTR-002').click();
  await page.getByTestId('tab-inventory').click();
  await page.getByTestId('receive-mode').click();
  await scan(page, 'SPARE-SWITCH-1', 'unknown');
  await page.getByTestId('record-surplus').click();
  await page.getByTestId('confirm-surplus').click();
  await expect(page.getByTestId('recon-surplus')).toHaveText('1');

  // At 1024 px the surplus row's state cell shows both badges whole ("RECEIVED" and "SURPLUS").
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByTestId('receive-mode').click();
  await page.getByTestId('inventory-state-filter').click();
  await page.getByRole('option', { name: 'Surplus (not expected)' }).click();
  const cell = page.getByTestId('inventory-row').first().getByTestId('inventory-state-cell');
  await expect(cell).toContainText('Surplus', { ignoreCase: true });
  const fit = await cell.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.children].map((badge) => {
      const b = badge.getBoundingClientRect();
      return {
        text: badge.textContent,
        whole: badge.scrollWidth <= badge.clientWidth + 0.5,
        inside: b.left >= box.left - 0.5 && b.right <= box.right + 0.5 && b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5,
      };
    });
  });
  expect(fit).toEqual([
    { text: 'Received', whole: true, inside: true },
    { text: 'Surplus', whole: true, inside: true },
  ]);
});
