import type { Page } from '@playwright/test';
import { openTestCore, tempDataDir } from '../support/temp-core';
import { startBrowserShell } from '../e2e/support/browser-shell';
import { launchChromium } from './chromium';
import { percentile, round } from './stats';

const RUNS = 5;

/** A navigator site row (data-site-status tells it from site-menu, site-notes, …). */
const SITE_ROW = '[data-testid^="site-"][data-site-status]';

/**
 * Waits, polling once per frame in the page, until the first site row is visible, and returns the
 * bytes of script the page had loaded by then (what it parsed before its first screen).
 */
async function firstScreenScriptBytes(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (selector) => {
      const row = document.querySelector(selector);
      if (!(row instanceof HTMLElement) || !row.checkVisibility()) return false;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry): entry is PerformanceResourceTiming => /\.m?js(\?|$)/.test(entry.name));
      return scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0) || -1;
    },
    SITE_ROW,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Browser shell from launch to first screen: spawning `node dist/launcher/start.mjs --browser`
 * on a data directory holding the sample deployment, until the navigator shows its sites.
 */
export async function benchStartup(): Promise<Record<string, number>> {
  const dataDir = tempDataDir('outpost-bench-start');
  const seed = openTestCore({ dataDir });
  seed.call('sample.open', {});
  seed.close();
  const browser = await launchChromium();
  const total: number[] = [];
  const listening: number[] = [];
  const scriptBytes: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      const started = performance.now();
      const shell = await startBrowserShell(dataDir);
      listening.push(shell.startedInMs);
      await page.goto(shell.url, { waitUntil: 'commit' });
      scriptBytes.push(await firstScreenScriptBytes(page));
      total.push(performance.now() - started);
      await page.close();
      await shell.stop();
    }
  } finally {
    await browser.close();
  }
  return {
    'startup.browser_shell_ms': round(percentile(total, 50), 0),
    'startup.browser_shell_p95_ms': round(percentile(total, 95), 0),
    'startup.host_listening_ms': round(percentile(listening, 50), 0),
    'startup.first_screen_script_kb': round(percentile(scriptBytes, 50) / 1024, 0),
  };
}
