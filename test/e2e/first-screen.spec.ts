import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

// The first screen (the navigator with its sites) paints from the entry chunk before the rest of
// the component kit is even requested (renderer/shell/first-screen.ts); the routes and tabs load
// as chunks of their own, under the page's CSP.
let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

const SITE_ROW = '[data-testid^="site-"][data-site-status]';
const TABS = ['inventory', 'checklist', 'machines', 'issues', 'training', 'signoff', 'report', 'overview'];

interface Seen {
  firstRowAt: number | null;
  violations: string[];
}

test('the navigator paints before the kit loads; every route and tab chunk then loads under the CSP', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-first-screen-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  // A release manager: the navigator's manager-only button and the dashboard join the kit too.
  await shell.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });

  // Recorded inside the page from its very start: when the first site row entered the DOM, and
  // every CSP violation.
  await page.addInitScript((selector) => {
    const seen: Seen = { firstRowAt: null, violations: [] };
    (window as unknown as { __seen: Seen }).__seen = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.violations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
    new MutationObserver((_records, observer) => {
      if (document.querySelector(selector)) {
        seen.firstRowAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, SITE_ROW);
  const problems: string[] = [];
  const scripts: { url: string; type: string }[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    if (/\.js$/.test(new URL(response.url()).pathname))
      scripts.push({ url: response.url(), type: response.headers()['content-type'] ?? '' });
  });

  await page.goto(shell.url);
  await expect(page.locator(SITE_ROW)).toHaveCount(6);
  await expect(page.getByTestId('profile-menu')).toBeVisible();

  const timeline = await page.evaluate(() => {
    const seen = (window as unknown as { __seen: Seen }).__seen;
    const resources = performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, startTime: e.startTime }));
    const mark = performance.getEntriesByName('outpost.first-screen')[0];
    return { firstRowAt: seen.firstRowAt, markAt: mark?.startTime ?? null, resources };
  });
  expect(timeline.firstRowAt).not.toBeNull();
  expect(timeline.markAt).not.toBeNull();
  const kit = timeline.resources.filter((r) => /\/deferred-kit-[^/]+\.(js|css)$/.test(r.name));
  expect(kit.length).toBeGreaterThan(0);
  for (const part of kit) {
    expect(part.startTime, `${part.name} was requested before the first site row showed`).toBeGreaterThan(timeline.firstRowAt!);
    expect(part.startTime).toBeGreaterThanOrEqual(timeline.markAt!);
  }
  // Nothing of a route loaded for the first screen.
  const beforeRows = timeline.resources.filter((r) => r.startTime < timeline.firstRowAt!).map((r) => r.name);
  expect(beforeRows.filter((name) => /(SiteWorkspace|DeploymentOverview|DashboardView|InventoryTab)-/.test(name))).toEqual([]);

  // The rest of the app, route by route and tab by tab, each from its own chunk.
  await expect(page.getByTestId('deployment-overview')).toBeVisible();
  await page.locator(SITE_ROW).first().click();
  await expect(page.getByTestId('workspace')).toBeVisible();
  for (const tab of TABS) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[role="tabpanel"] .mantine-Loader-root')).toHaveCount(0);
  }
  await page.getByTestId('deployment-row').first().click();
  await page.getByTestId('open-dashboard').click();
  await expect(page.getByTestId('dashboard-view')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('open-import-reports')).toBeVisible();

  const violations = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen.violations);
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
  const routeChunks = scripts.filter((s) => /\/(SiteWorkspace|InventoryTab|ChecklistTab|DashboardView|deferred-kit)-/.test(s.url));
  expect(routeChunks.length).toBeGreaterThanOrEqual(5);
  for (const script of scripts) expect(script.type, script.url).toMatch(/^text\/javascript/);
});

test('a chunk that cannot load leaves that part saying so, not a blank window', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-first-screen-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  // As when the build changed under an open page: the Inventory tab's chunk is gone.
  await page.route(/\/assets\/InventoryTab-[^/]+\.js$/, (route) => route.abort());
  await page.goto(shell.url);
  await page.locator(SITE_ROW).first().click();
  await expect(page.getByTestId('workspace')).toBeVisible();
  await page.getByTestId('tab-inventory').click();
  await expect(page.getByTestId('chunk-error')).toBeVisible();
  await expect(page.getByTestId('chunk-error')).toContainText('could not load');
  // The navigator and the header still work: the deployment's overview opens.
  await expect(page.getByTestId('profile-menu')).toBeVisible();
  await expect(page.locator(SITE_ROW)).toHaveCount(6);
  await page.getByTestId('deployment-row').first().click();
  await expect(page.getByTestId('deployment-overview')).toBeVisible();
  await expect(page.getByTestId('chunk-error')).toHaveCount(0);
});
