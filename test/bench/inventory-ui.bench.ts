import { tempDataDir } from '../support/temp-core';
import { createBulkSite } from '../support/bulk-site';
import { startBrowserShell } from '../e2e/support/browser-shell';
import { launchChromium } from './chromium';
import { INVENTORY_ITEMS } from './inventory-core.bench';
import { percentile, round } from './stats';

const RUNS = 7;

/** In Chromium: from clicking the Inventory tab of a 20,000-item site to its first rows on screen. */
export async function benchInventoryFirstRows(): Promise<Record<string, number>> {
  const dataDir = tempDataDir('outpost-bench-ui');
  createBulkSite(dataDir, INVENTORY_ITEMS);
  const shell = await startBrowserShell(dataDir);
  const browser = await launchChromium();
  const samples: number[] = [];
  try {
    const page = await browser.newPage();
    for (let run = 0; run < RUNS; run++) {
      await page.goto(run === 0 ? shell.url : `${shell.origin}/`);
      await page.getByTestId('site-DC-BULK').click();
      await page.getByTestId('tab-overview').click();
      await page.getByTestId('tab-overview').waitFor();
      const started = Date.now();
      await page.getByTestId('tab-inventory').click();
      await page.getByTestId('inventory-row').first().waitFor({ state: 'visible' });
      samples.push(Date.now() - started);
    }
  } finally {
    await browser.close();
    await shell.stop();
  }
  return {
    'inventory.first_rows_ms': round(percentile(samples, 50), 0),
    'inventory.first_rows_p95_ms': round(percentile(samples, 95), 0),
  };
}
