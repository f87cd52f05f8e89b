import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'inventory');

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

test('import a Snipe-IT file with one bad row: the error is shown, the corrected file is imported and its rows appear', async ({
  page,
}) => {
  shell = await startBrowserShell(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-import-')), ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-AMS-001').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'AMS-001');
  await page.getByTestId('tab-inventory').click();
  await expect(page.getByTestId('inventory-count')).toContainText('item');
  const before = await page.getByTestId('inventory-count').textContent();

  await page.getByTestId('inventory-import-open').click();
  const dialog = page.getByTestId('inventory-import');
  await dialog.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'one-bad-row.csv'));
  await expect(dialog.getByTestId('import-layout')).toHaveAttribute('data-layout', 'snipe-it');
  await expect(dialog.getByTestId('import-summary')).toHaveText('3 rows · 2 ready · 1 with errors');
  const bad = dialog.getByTestId('import-row-error');
  await expect(bad).toHaveCount(1);
  await expect(bad).toHaveAttribute('data-row', '2');
  await expect(bad).toContainText('Missing serial');
  await expect(dialog.getByTestId('import-commit')).toBeDisabled();

  // The corrected file.
  await dialog.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'one-bad-row-fixed.csv'));
  await expect(dialog.getByTestId('import-summary')).toHaveText('3 rows · 3 ready · 0 with errors');
  await expect(dialog.getByTestId('import-row-error')).toHaveCount(0);
  await expect(dialog.getByTestId('import-commit')).toBeEnabled();
  await dialog.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('inventory-count')).not.toHaveText(before ?? '');
  await page.getByTestId('inventory-search').fill('E2ESN000');
  const rows = page.getByTestId('inventory-table').getByTestId('inventory-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Kiosk K10');

  // Export offers the two layouts and downloads a CSV that holds the imported rows.
  await page.getByTestId('inventory-export').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('inventory-export-netbox').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('AMS-001-inventory-netbox.csv');
  const csv = fs.readFileSync(await file.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('name,role,manufacturer,device_type,serial,asset_tag,status,site,location,rack,position,face');
  expect(csv).toContain('E2ESN0002');
});
