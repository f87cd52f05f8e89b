import { openTestCore, tempDataDir } from '../support/temp-core';
import { startBrowserShell } from '../e2e/support/browser-shell';
import { launchChromium } from './chromium';
import { percentile, round } from './stats';

const RUNS = 5;

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
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      const started = performance.now();
      const shell = await startBrowserShell(dataDir);
      listening.push(shell.startedInMs);
      await page.goto(shell.url);
      await page.locator('[data-testid^="site-"]').first().waitFor({ state: 'visible' });
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
  };
}
