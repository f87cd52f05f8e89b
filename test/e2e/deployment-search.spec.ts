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
  await page.screenshot({ path: path.join(dir, `search-${name}.png`) });
}

interface Site {
  id: string;
  code: string;
  name: string;
}
interface Item {
  id: string;
  expectedSerial: string | null;
  assetTag: string | null;
}

test("a release manager asks where a serial is: the deployment overview lists the matches with their site and opens the site's inventory searched for it", async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-search-'));
  dirs.push(dataDir);
  shell = await startBrowserShell(dataDir, ['--demo']);
  await shell.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const [deployment] = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<Site[]>('sites.list', { deploymentId: deployment!.id });
  const site = sites[4]!;
  const { items } = await shell.call<{ items: Item[] }>('inventory.list', { siteId: site.id, limit: 1000 });
  const item = items.find((i) => i.expectedSerial && i.expectedSerial.length >= 8)!;
  const part = item.expectedSerial!.slice(1, 7).toLowerCase();
  // Hardware found at another site whose serial looks like search syntax.
  await shell.call('inventory.recordSurplus', { siteId: sites[1]!.id, serial: 'ODD"SN*-NEAR-42', model: 'Unlabelled switch' });

  await page.goto(shell.url);
  const box = page.getByTestId('deployment-inventory-search-input');
  await expect(box).toBeVisible();
  await box.fill(part);
  const results = page.getByTestId('deployment-inventory-search-results');
  const row = results.locator('tr', { hasText: item.expectedSerial! });
  await expect(row).toContainText(`${site.code} · ${site.name}`);
  await expect(row).toContainText(item.assetTag!);
  await expect(page.getByTestId('deployment-inventory-search-count')).toHaveText(/^\d+ match(es)?$/);
  await page.getByTestId('deployment-inventory-search').scrollIntoViewIfNeeded();
  await screenshot(page, 'matches');

  await box.fill('"sn*-near');
  await expect(results.locator('tbody tr')).toHaveCount(1);
  await expect(results).toContainText('ODD"SN*-NEAR-42');
  await expect(results).toContainText(sites[1]!.code);
  await box.fill('no such serial anywhere');
  await expect(page.getByTestId('deployment-inventory-search-count')).toHaveText('No match');

  // The site link opens the site's inventory, searched for the same text.
  await box.fill(part);
  await page.getByTestId(`inventory-search-site-${site.code}`).first().click();
  await expect(page.getByTestId('inventory-tab')).toBeVisible();
  expect(page.url()).toContain(`/s/${encodeURIComponent(site.id)}/inventory`);
  await expect(page.getByTestId('inventory-search')).toHaveValue(part);
  await expect(page.getByTestId('inventory-tab')).toContainText(item.expectedSerial!);
  await screenshot(page, 'site-inventory');

  // Technicians do not get the deployment-wide search (the dispatcher refuses it too).
  await shell.call('profile.set', { name: 'Alex Tech', role: 'technician' });
  const fresh = await page.context().newPage();
  await fresh.goto(shell.url);
  await expect(fresh.getByTestId('deployment-overview')).toBeVisible();
  await expect(fresh.getByTestId('sites-table')).toBeVisible();
  await expect(fresh.getByTestId('deployment-inventory-search')).toHaveCount(0);
  await expect(shell.call('inventory.searchDeployment', { deploymentId: deployment!.id, query: part })).rejects.toThrow(/release manager/);
});
