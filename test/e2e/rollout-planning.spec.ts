import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWithIcalJs, readWithPythonIcalendar } from '../support/ical-read';
import { csvOf, openSiteImportCore, siteRows } from '../integration/site-import-fixture';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

/**
 * Issue #11's acceptance in one flow: a release manager takes a store list and an Ansible inventory
 * into an empty deployment, bulk-assigns two technicians, saves a site owner's calendar file; then
 * one of those technicians sees the sites in My schedule, in window order.
 */

let shell: RunningShell | undefined;
const dirs: string[] = [];
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// Groups named after the site codes place the hosts; the password is never imported.
const INVENTORY = `[S0001]
pos01.s0001 ansible_host=10.1.0.11
pos02.s0001 ansible_host=10.1.0.12

[S0002]
bo01.s0002 ansible_host=10.2.0.10 ansible_user=deploy ansible_password=hunter2
`;

test('a store list and an Ansible inventory go in, two technicians are bulk-assigned, the owner gets a calendar and the technician sees the schedule', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-rollout-'));
  dirs.push(dataDir);
  openSiteImportCore(dataDir).core.close();
  // S0001 Amsterdam 1 Jan, S0002 New York 2 Jan, S0003 Tokyo 3 Jan, S0004 Adelaide 4 Jan 2027, 20:00 site time.
  const sitesFile = path.join(dataDir, 'stores.csv');
  fs.writeFileSync(sitesFile, csvOf(siteRows(4)));
  const inventoryFile = path.join(dataDir, 'hosts.ini');
  fs.writeFileSync(inventoryFile, INVENTORY);

  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);
  await page.getByTestId('deployment-row').filter({ hasText: 'Store refresh' }).click();

  // Sites from the spreadsheet.
  await page.getByTestId('import-sites').click();
  const siteDialog = page.getByTestId('site-import');
  await siteDialog.getByTestId('site-import-file').setInputFiles(sitesFile);
  await expect(siteDialog.getByTestId('site-import-summary')).toHaveText('4 rows · 4 new · 0 changed · 0 unchanged · 0 with errors');
  await siteDialog.getByTestId('site-import-commit').click();
  await expect(siteDialog).toBeHidden();
  const table = page.getByTestId('sites-table');
  for (const code of ['S0001', 'S0002', 'S0003', 'S0004']) await expect(table).toContainText(code);

  // Target machines from the inventory.
  await page.getByTestId('import-targets').click();
  const targetDialog = page.getByTestId('target-import');
  await targetDialog.getByTestId('target-import-file').setInputFiles(inventoryFile);
  await expect(targetDialog.getByTestId('target-import-summary')).toHaveText(
    '3 hosts · 3 new · 0 to update · 0 unchanged · 0 without a site · 0 with errors',
  );
  await expect(targetDialog.getByTestId('target-import-skipped')).toContainText('bo01.s0002: ansible_password (host)');
  await expect(targetDialog).not.toContainText('hunter2');
  await targetDialog.getByTestId('target-import-commit').click();
  await expect(targetDialog).toBeHidden();
  const deployments = await shell.call<{ id: string; name: string }[]>('deployments.list', {});
  const deploymentId = deployments.find((d) => d.name === 'Store refresh')!.id;
  const sites = await shell.call<{ id: string; code: string; machineCount: number }[]>('sites.list', { deploymentId });
  expect(Object.fromEntries(sites.map((s) => [s.code, s.machineCount]))).toEqual({ S0001: 2, S0002: 1, S0003: 0, S0004: 0 });

  // Two technicians on every site, by shift-click range.
  const first = sites[0]!.code;
  const last = sites[sites.length - 1]!.code;
  await page.getByTestId(`bulk-select-${first}`).click();
  await page.getByTestId(`bulk-select-${last}`).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-count')).toHaveText('4 selected');
  for (const name of ['Ava Installer', 'Ben Cabler']) {
    await page.getByTestId('bulk-actions').click();
    await page.getByTestId('bulk-action-assignTechnician').click();
    await page.getByTestId('bulk-technician').fill(name);
    await expect(page.getByTestId('bulk-confirm-text')).toContainText(`Assign ${name} to 4 sites?`);
    await page.getByTestId('bulk-apply').click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  for (const code of ['S0001', 'S0002', 'S0003', 'S0004']) await expect(table.locator('tr', { hasText: code })).toContainText('Ben Cabler');

  // The Amsterdam store's owner gets the window in Amsterdam time, read back by two independent parsers.
  const row = table.getByRole('row').filter({ hasText: 'S0001' });
  await row.getByTestId('site-menu').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('site-owner-calendar').click();
  const ics = fs.readFileSync((await (await download).path())!, 'utf8');
  const [event] = readWithIcalJs(ics).events;
  expect(event).toMatchObject({ tzid: 'Europe/Amsterdam', startUtc: '2027-01-01T19:00:00.000Z' });
  expect(event!.description).toContain('Ava Installer');
  expect(event!.description).toContain('Ben Cabler');
  expect(readWithPythonIcalendar(ics).events[0]).toMatchObject({
    tzid: 'Europe/Amsterdam',
    startUtc: '2027-01-01T19:00:00.000Z',
    endUtc: '2027-01-01T22:30:00.000Z',
  });

  // Ava, on this device, sees her four sites by window.
  await shell.call('profile.set', { name: 'Ava Installer', role: 'technician' });
  await page.reload();
  await page.getByTestId('my-schedule-open').click();
  const entries = page.getByTestId('my-schedule-site');
  await expect(entries).toHaveCount(4);
  const codes = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
  // Window starts in UTC: S0001 1 Jan 19:00, S0002 3 Jan 01:00, S0003 3 Jan 11:00, S0004 4 Jan 09:30.
  expect(codes).toEqual(['S0001', 'S0002', 'S0003', 'S0004']);
});
