import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodePdfBarcodes, pdfPageSizesMm } from '../support/pdf-barcodes';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

interface Item {
  id: string;
  expectedSerial: string | null;
}

test('a technician gives a surplus item an asset tag, selects it and a received item, and prints 62 × 29 mm labels whose barcodes read back', async ({
  page,
}) => {
  shell = await startBrowserShell(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-labels-')), ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-AMS-001').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'AMS-001');
  const [deployment] = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<{ id: string; code: string }[]>('sites.list', { deploymentId: deployment!.id });
  const siteId = sites.find((s) => s.code === 'AMS-001')!.id;
  // One expected item received and one surplus item found, as Receive mode records them.
  const [received] = (await shell.call<{ items: Item[] }>('inventory.list', { siteId, limit: 1 })).items;
  await shell.call('inventory.receive', { siteId, serial: received!.expectedSerial });
  await shell.call('inventory.recordSurplus', { siteId, serial: 'E2E-SURPLUS-77', manufacturer: 'Ubiquiti', model: 'USW-Lite-8' });

  await page.getByTestId('tab-inventory').click();
  await page.getByTestId('labels-open').click();
  const dialog = page.getByTestId('labels-modal');
  const rows = dialog.getByTestId('labels-item');
  await expect(rows).toHaveCount(2);
  const surplusRow = rows.filter({ has: page.getByText('E2E-SURPLUS-77') });
  await expect(surplusRow.getByTestId('labels-item-tag')).toHaveText('none');
  await expect(dialog.getByTestId('labels-print')).toBeDisabled();

  // Select both: the surplus one has no tag, so it can get one from this device's sequence.
  await dialog.getByTestId('labels-select-all').check();
  await expect(dialog.getByTestId('labels-selected-count')).toHaveText('2 selected, 1 surplus without an asset tag');
  await dialog.getByTestId('labels-assign-tags').click();
  await expect(surplusRow.getByTestId('labels-item-tag')).toHaveText('AMS-001-L-0001');
  await expect(dialog.getByTestId('labels-selected-count')).toHaveText('2 selected');
  await expect(dialog.getByTestId('labels-assign-tags')).toBeDisabled();

  await dialog.getByTestId('labels-layout').click();
  await page.getByRole('option', { name: /62 × 29 mm/ }).click();
  await expect(dialog.getByTestId('labels-skip')).toHaveCount(0); // a roll has no used positions
  const download = page.waitForEvent('download');
  await dialog.getByTestId('labels-print').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('labels-AMS-001-roll_62x29mm.pdf');
  const pdf = new Uint8Array(fs.readFileSync(await file.path()));

  const sizes = pdfPageSizesMm(pdf);
  expect(sizes).toHaveLength(2);
  for (const size of sizes) {
    expect(Math.abs(size.width - 62)).toBeLessThan(0.5);
    expect(Math.abs(size.height - 29)).toBeLessThan(0.5);
  }
  const decoded = (await decodePdfBarcodes(pdf, 600)).flatMap((p) => p.results.map((r) => `${r.format}:${r.text}`)).sort();
  const receivedTag = (await shell.call<{ items: { id: string; assetTag: string | null }[] }>('labels.items', { siteId })).items.find(
    (i) => i.id === received!.id,
  )!.assetTag!;
  expect(decoded).toEqual(
    [received!.expectedSerial!, receivedTag, 'E2E-SURPLUS-77', 'AMS-001-L-0001']
      .flatMap((text) => [`Code128:${text}`, `QRCode:${text}`])
      .sort(),
  );
  // The tag is stored: the inventory search finds the item by it.
  await page.keyboard.press('Escape');
  await page.getByTestId('inventory-search').fill('AMS-001-L-0001');
  await expect(page.getByTestId('inventory-table').getByTestId('inventory-row')).toHaveCount(1);
});
