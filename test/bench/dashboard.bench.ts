import fs from 'node:fs';
import { startBrowserShell } from '../e2e/support/browser-shell';
import { openTestCore, tempDataDir } from '../support/temp-core';
import { launchChromium } from './chromium';
import { createBulkDeployment } from './dashboard-data';
import { percentile, round } from './stats';

const SITES = 2000;
const CORE_RUNS = 15;
const UI_RUNS = 9;
/** Every chart card of the dashboard. */
const CHARTS = 8;

/**
 * The dashboard of a 2,000-site deployment (about 100,000 inventory items, 40,000 checklist items,
 * 10,000 targets with their runs, issues, rollbacks and sign-off sheets):
 * - `dashboard.get` in the core (median and p95 of 15 after one warm-up);
 * - in Chromium, from the click on "Dashboard" to every chart drawn and the first table rows on
 *   screen, measured in the page (median and p95 of 9; the first click also loads the chart chunk),
 *   and the part of it spent waiting for `dashboard.get`.
 */
export async function benchDashboard(): Promise<Record<string, number>> {
  const dataDir = tempDataDir('outpost-bench-dashboard');
  const started = performance.now();
  const { deploymentId, inventoryItems } = createBulkDeployment(dataDir, SITES);
  const generateMs = performance.now() - started;

  const core = openTestCore({ dataDir, profile: false });
  const coreSamples: number[] = [];
  let payloadBytes = 0;
  try {
    core.call('profile.set', { name: 'Bench Manager', role: 'release_manager' });
    const first = core.call('dashboard.get', { deploymentId });
    if (first.sites.length !== SITES || first.totals.signedOff === 0 || first.issues.bySeverity.every((s) => s.total === 0)) {
      throw new Error('the bench deployment did not come out as generated');
    }
    payloadBytes = JSON.stringify(first).length;
    for (let i = 0; i < CORE_RUNS; i++) {
      const t = performance.now();
      core.call('dashboard.get', { deploymentId });
      coreSamples.push(performance.now() - t);
    }
  } finally {
    core.close();
  }

  const shell = await startBrowserShell(dataDir);
  const browser = await launchChromium();
  const uiSamples: number[] = [];
  const fetchSamples: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(shell.url);
    await page.evaluate((id) => {
      window.location.hash = `#/d/${id}`;
    }, deploymentId);
    for (let run = 0; run < UI_RUNS; run++) {
      // Start from a settled overview (its 2,000-row site list loaded), so the core is idle at the click.
      await page.getByTestId('open-dashboard').waitFor({ state: 'visible', timeout: 60_000 });
      await page.getByTestId('sites-table').waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForTimeout(1000);
      await page.evaluate(() => {
        (window as unknown as { benchT0: number }).benchT0 = performance.now();
        document.querySelector<HTMLElement>('[data-testid="open-dashboard"]')!.click();
      });
      const elapsed = await page.waitForFunction(
        (charts) => {
          const drawn = document.querySelectorAll('[data-testid^="chart-"][data-rendered="true"] canvas').length;
          const row = document.querySelector('[data-testid="dashboard-site-row"]');
          return drawn >= charts && row !== null ? performance.now() - (window as unknown as { benchT0: number }).benchT0 : false;
        },
        CHARTS,
        { polling: 'raf', timeout: 60_000 },
      );
      uiSamples.push((await elapsed.jsonValue()) as number);
      // Of which: waiting for `dashboard.get` (request to last response byte).
      fetchSamples.push(
        await page.evaluate(() => {
          const t0 = (window as unknown as { benchT0: number }).benchT0;
          const entry = performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith('/api/dashboard.get') && e.startTime >= t0)
            .pop() as PerformanceResourceTiming | undefined;
          return entry ? entry.responseEnd - t0 : Number.NaN;
        }),
      );
      const rows = await page.getByTestId('dashboard-site-row').count();
      if (rows === 0 || rows > 60) throw new Error(`the site table should be virtualized, ${rows} rows in the DOM`);
      await page.getByTestId('dashboard-back').click();
    }
  } finally {
    await browser.close();
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return {
    'dashboard.render_2000_sites_ms': round(percentile(uiSamples, 50), 0),
    'dashboard.render_2000_sites_p95_ms': round(percentile(uiSamples, 95), 0),
    'dashboard.render_2000_sites_first_ms': round(uiSamples[0]!, 0),
    'dashboard.render_2000_sites_data_ms': round(percentile(fetchSamples, 50), 0),
    'dashboard.core_get_2000_sites_ms': round(percentile(coreSamples, 50), 1),
    'dashboard.core_get_2000_sites_p95_ms': round(percentile(coreSamples, 95), 1),
    'dashboard.payload_2000_sites_kb': round(payloadBytes / 1024, 0),
    'dashboard.bench_inventory_items': inventoryItems,
    'dashboard.bench_generate_s': round(generateMs / 1000, 1),
  };
}
