import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { signaturePng } from '../support/signoff-fixtures';
import { openTestCore, type TestCore } from '../support/temp-core';
import { startBrowserShell, type RunningShell } from './support/browser-shell';
import { createServerProcess, type ServerProcess } from '../support/server-process';
import { RM, syncOnce, TECH } from './support/sync-scenario';

/**
 * Issue 6's end-to-end test, as a release manager in the browser shell against a central server
 * process: author a small deployment, import a Snipe-IT inventory file (one bad row, fixed),
 * publish; a technician's device (an in-process core) prepares the site, receives an item,
 * completes a checklist item and syncs; the manager syncs, sees the site's figures change on the
 * dashboard and opens the site's report with the technician's work; the close-out says what is
 * missing and its CSV carries the same figures.
 */

const SITE = { code: 'UTR-01', name: 'Utrecht Centraal' };
const CHECK_ITEM = 'Photograph the rack before work';
const SNIPE_HEADER = 'Asset Tag,Asset Name,Serial Number,Model Name,Model No.,Category,Manufacturer,Location,Status,Order Number';
const snipeRow = (n: number, serial: string) =>
  `UTR-A${n},utr-pos-0${n},${serial},POS terminal T5,T5-220,POS,Acme,Store floor,Ready to Deploy,PO-7731`;
const SERIALS = ['UTRSN0001', 'UTRSN0002', 'UTRSN0003'];

let server: ServerProcess | undefined;
let shell: RunningShell | undefined;
let tech: TestCore | undefined;
const dirs: string[] = [];

test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  tech?.close();
  tech = undefined;
  await server?.dispose();
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function closeModal(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function screenshot(page: Page, name: string) {
  const dir = process.env.OUTPOST_E2E_SHOTS;
  if (!dir) return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(dir, `rm-${name}.png`) });
}

/** Draws a signature-like stroke with real mouse movements over the canvas. */
async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded({ timeout: 15_000 });
  const box = (await pad.boundingBox())!;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y0);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(box.x + 20 + i * ((box.width - 40) / 30), y0 + Math.sin(i / 3) * (box.height / 3), { steps: 2 });
  }
  await page.mouse.up();
}

async function signInAsReleaseManager(page: Page, serverUrl: string) {
  await page.getByRole('button', { name: 'Sign in to a server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to a server' });
  await dialog.getByLabel('Server address').fill(serverUrl);
  await dialog.getByLabel('User name').fill(RM.username);
  await dialog.getByRole('textbox', { name: /^Password/ }).fill(RM.password);
  await dialog.getByLabel('Device name').fill('Morgan office laptop');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('profile-display-name')).toHaveText(RM.displayName);
}

async function authorDeployment(page: Page) {
  await page.getByTestId('new-deployment').click();
  await page.getByRole('dialog').getByLabel('Name').fill('Store POS refresh');
  await page.getByRole('dialog').getByLabel('Version').fill('7.0');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByTestId('deployment-overview')).toContainText('Store POS refresh');

  await page.getByTestId('edit-waves').click();
  await page.getByTestId('new-wave-name').fill('Pilot stores');
  await page.getByTestId('add-wave').click();
  await expect(page.getByTestId('wave-row')).toHaveCount(1);
  await closeModal(page);

  await page.getByTestId('edit-checklist-template').click();
  await page.getByTestId('template-item-title').fill(CHECK_ITEM);
  await page.getByTestId('save-template-item').click();
  await expect(page.getByTestId('template-item')).toHaveCount(1);
  await closeModal(page);

  // The site, in the pilot wave, assigned to the technician.
  await page.getByTestId('add-site').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Code').fill(SITE.code);
  await dialog.getByRole('textbox', { name: 'Name' }).first().fill(SITE.name);
  await dialog.getByLabel('Wave').click();
  await page.getByRole('option', { name: '1. Pilot stores' }).click();
  // Signed in: technicians are picked from the server's users (display name and user name).
  await dialog.getByLabel('Technicians').click();
  await page.getByRole('option', { name: `${TECH.displayName} (${TECH.username})` }).click();
  await dialog.getByRole('heading', { name: 'Add site' }).click(); // closes the list, which covers the buttons
  await dialog.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', SITE.code);
}

async function importInventory(page: Page, workDir: string) {
  const bad = path.join(workDir, 'utr-assets.csv');
  // Row 2 has no serial: Snipe-IT exports do that for assets not yet scanned in.
  fs.writeFileSync(bad, [SNIPE_HEADER, snipeRow(1, SERIALS[0]!), snipeRow(2, ''), snipeRow(3, SERIALS[2]!)].join('\r\n') + '\r\n');
  await page.getByTestId('tab-inventory').click();
  await page.getByTestId('inventory-import-open').click();
  const dialog = page.getByTestId('inventory-import');
  await dialog.getByTestId('import-file').setInputFiles(bad);
  await expect(dialog.getByTestId('import-layout')).toHaveAttribute('data-layout', 'snipe-it');
  await expect(dialog.getByTestId('import-summary')).toHaveText('3 rows · 2 ready · 1 with errors');
  const error = dialog.getByTestId('import-row-error');
  await expect(error).toHaveCount(1);
  await expect(error).toHaveAttribute('data-row', '2');
  await expect(error).toContainText('Missing serial');
  await expect(dialog.getByTestId('import-commit')).toBeDisabled();
  await screenshot(page, '01-import-error');

  // The file fixed (the serial typed in), chosen again: all rows ready, imported.
  const fixed = path.join(workDir, 'utr-assets-fixed.csv');
  fs.writeFileSync(fixed, [SNIPE_HEADER, ...SERIALS.map((s, i) => snipeRow(i + 1, s))].join('\r\n') + '\r\n');
  await dialog.getByTestId('import-file').setInputFiles(fixed);
  await expect(dialog.getByTestId('import-summary')).toHaveText('3 rows · 3 ready · 0 with errors');
  await dialog.getByTestId('import-commit').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('inventory-search').fill('UTRSN');
  await expect(page.getByTestId('inventory-table').getByTestId('inventory-row')).toHaveCount(3);
}

test('a release manager authors, imports, publishes, and after a technician syncs sees the site change on the dashboard and in its report', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-rm-'));
  dirs.push(workDir);

  server = await createServerProcess({ cli: 'dist' });
  await server.createUser(TECH);
  await server.createUser(RM);
  await server.start();

  // The release manager's browser shell: sign in, author, import, publish.
  shell = await startBrowserShell(path.join(workDir, 'rm-data'));
  await page.goto(shell.url);
  await signInAsReleaseManager(page, server.url);
  await authorDeployment(page);
  await importInventory(page, workDir);

  const [deployment] = await shell.call<{ id: string; name: string }[]>('deployments.list', {});
  const [site] = await shell.call<{ id: string; technicians: { id: string | null; name: string }[]; waveName: string }[]>('sites.list', {
    deploymentId: deployment!.id,
  });
  expect(site).toMatchObject({ technicians: [{ id: expect.any(String), name: TECH.displayName }], waveName: 'Pilot stores' });
  expect(await shell.call('inventory.reconciliation', { siteId: site!.id })).toMatchObject({ expected: 3, received: 0 });

  await page.getByTestId('deployment-row').first().click();
  await expect(page.getByTestId('deployment-overview')).toBeVisible();
  await page.getByTestId('publish-deployment').click();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await expect(page.getByTestId('sync-last-success')).toHaveAttribute('data-at', /.+/, { timeout: 60_000 });
  await screenshot(page, '02-published');

  // The dashboard before the technician's work: nothing received, three items missing.
  await page.getByTestId('open-dashboard').click();
  await expect(page.getByTestId('dashboard-view')).toBeVisible();
  await expect(page.getByTestId('kpi-discrepancies-value')).toHaveText('3');
  const row = page.locator(`[data-testid="dashboard-site-row"][data-site-code="${SITE.code}"]`);
  await expect(row.getByTestId('site-discrepancies')).toHaveText('3');
  await expect(row).toContainText('Planned');

  // The technician's device: sign in, prepare the site, receive one item, complete the checklist item, sync.
  tech = openTestCore({ sync: { intervalMs: false, requestTimeoutMs: 20_000 } });
  dirs.push(tech.dataDir);
  await tech.callAsync('sync.signIn', {
    serverUrl: server.url,
    username: TECH.username,
    password: TECH.password,
    deviceName: 'Riley field laptop',
  });
  const assigned = await tech.callAsync('sync.serverSites', {});
  expect(assigned.map((s) => s.siteId)).toEqual([site!.id]);
  expect(await tech.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [site!.id] })).toEqual({ ok: true });
  expect(tech.call('inventory.reconciliation', { siteId: site!.id })).toMatchObject({ expected: 3, received: 0 });
  const scan = tech.call('inventory.receive', { siteId: site!.id, serial: SERIALS[1]!.toLowerCase() });
  expect(scan).toMatchObject({ outcome: 'received' });
  const item = tech
    .call('checklist.get', { siteId: site!.id })
    .phases.flatMap((p) => p.items)
    .find((i) => i.title === CHECK_ITEM)!;
  tech.call('checklist.setItemState', { itemId: item.id, state: 'done', note: 'Rack photographed, cabling tidy' });
  const techStatus = await syncOnce(tech);
  expect(techStatus).toMatchObject({ pendingOperations: 0, conflicts: 0, lastError: null });

  // The manager: Sync now; the dashboard's figures for the site change.
  const before = await page.getByTestId('sync-last-success').getAttribute('data-at');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-last-success')).not.toHaveAttribute('data-at', before!, { timeout: 60_000 });
  await expect(row.getByTestId('site-discrepancies')).toHaveText('2', { timeout: 30_000 });
  await expect(page.getByTestId('kpi-discrepancies-value')).toHaveText('2');
  await screenshot(page, '03-dashboard-after-sync');
  const dashboard = await shell.call<{
    inventory: { received: number; missing: number };
    sites: { code: string; startedAt: string | null }[];
  }>('dashboard.get', { deploymentId: deployment!.id });
  expect(dashboard.inventory).toMatchObject({ received: 1, missing: 2 });
  expect(dashboard.sites.find((s) => s.code === SITE.code)!.startedAt).not.toBeNull();

  // Drill down to the site and open its report: the technician's received item and checklist item.
  await row.click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', SITE.code);
  await page.getByTestId('tab-report').click();
  const report = page.getByTestId('site-report');
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(report.getByTestId('report-reconciliation')).toContainText('expected 3');
  await expect(report.getByTestId('report-reconciliation')).toContainText('received 1');
  await expect(report.getByTestId('report-reconciliation')).toContainText('missing 2');
  const checklistRow = report.getByTestId('report-checklist-item').filter({ hasText: CHECK_ITEM });
  await expect(checklistRow).toContainText('done');
  await expect(checklistRow).toContainText(TECH.displayName);
  await expect(report.getByTestId('report-missing')).toContainText(SERIALS[0]!);
  await expect(report.getByTestId('report-missing')).not.toContainText(SERIALS[1]!);
  await screenshot(page, '04-site-report');

  // Close-out: not ready (the site is not signed off), named; the CSV download carries the site's figures.
  await page.getByTestId('deployment-row').first().click();
  await page.getByTestId('closeout-open').click();
  const closeout = page.getByTestId('closeout-panel');
  await expect(closeout.getByTestId('closeout-state')).toHaveText('Not ready');
  await expect(closeout.getByTestId('closeout-condition-sites_accounted_for')).toContainText(
    `No site has an accepted site-complete sheet yet (1 site outstanding)`,
  );
  await expect(closeout.getByTestId('closeout-outstanding')).toContainText(`${SITE.code} · ${SITE.name}`);
  await expect(page.getByTestId('signoff-panel')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await closeout.getByTestId('closeout-export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^closeout-Store_POS_refresh-7\.0-\d{4}-\d\d-\d\d\.csv$/);
  const csv = fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(csv).data;
  const header = rows[0]!;
  const siteRow = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
  expect(siteRow).toMatchObject({
    'Site code': SITE.code,
    'Site name': SITE.name,
    Wave: 'Pilot stores',
    'Inventory discrepancies': '2',
    'Close-out': 'outstanding: Not signed off yet (planned)',
  });
  expect(rows.find((r) => r[0] === 'Inventory received')?.[1]).toBe('1');
  await screenshot(page, '05-closeout');

  // The site owner signs the site on the technician's device; the quiet period of this small
  // deployment is set to 0 days so it is over at once (the wait itself is covered by closeout-status.test.ts).
  await shell.call('deployments.update', { deploymentId: deployment!.id, quietPeriodDays: 0 });
  // The milestone covers the post-deployment review: the release manager saves one first (closeout-review.spec.ts fills it in on screen).
  await shell.call('closeout.saveReview', {
    deploymentId: deployment!.id,
    wentWell: 'Pilot store went live in its window',
    wentBadly: 'Open gaps finished on a second visit',
    actionItems: [],
  });
  // The site is not finished: the owner accepts it with a reason for each open gap.
  const review = tech.call('signoff.review', { kind: 'site_complete', siteId: site!.id });
  const siteSheet = tech.call('signoff.sign', {
    kind: 'site_complete',
    siteId: site!.id,
    reviewHash: review.reviewHash,
    decision: 'accepted_with_exceptions',
    gapReasons: review.gaps.filter((g) => g.kind !== 'open_issue').map((g) => ({ gapId: g.id, reason: 'Finished on the second visit' })),
    signerName: 'Sanne de Vries',
    signerRole: 'Store manager',
    signerTimeZone: 'Europe/Amsterdam',
    signaturePngBase64: signaturePng(),
    statementConfirmed: true,
  }).sheet;
  expect(await syncOnce(tech)).toMatchObject({ pendingOperations: 0, conflicts: 0 });

  // Sync now (the dialog closed first: it covers the header); the close-out turns ready and offers the milestone sign-off.
  await closeModal(page);
  const beforeSecond = await page.getByTestId('sync-last-success').getAttribute('data-at');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-last-success')).not.toHaveAttribute('data-at', beforeSecond!, { timeout: 60_000 });
  await page.getByTestId('closeout-open').click();
  await expect(closeout.getByTestId('closeout-state')).toHaveText('Ready to close', { timeout: 30_000 });
  for (const key of ['sites_accounted_for', 'quiet_period_over', 'no_open_blocking_issues']) {
    await expect(closeout.getByTestId(`closeout-condition-${key}`)).toHaveAttribute('data-met', 'true');
  }
  await expect(closeout.getByTestId('closeout-condition-sites_accounted_for')).toContainText('1 of 1 signed off');
  const milestonePanel = page.getByTestId('signoff-panel');
  await expect(milestonePanel).toBeVisible();
  await expect(milestonePanel.getByTestId('review-sites')).toContainText(SITE.code);
  await expect(milestonePanel.getByTestId('signer-name')).toHaveValue(RM.displayName);
  await drawSignature(page);
  await screenshot(page, '06a-drawn');
  await milestonePanel.getByTestId('confirm-statement').check({ timeout: 15_000 });
  await milestonePanel.getByTestId('sign-submit').click({ timeout: 15_000 });
  await expect(closeout.getByTestId('closeout-state')).toHaveText('Complete', { timeout: 20_000 });
  const [milestone] = await shell.call<{ contentHash: string; signerName: string; kind: string }[]>('signoff.list', {
    deploymentId: deployment!.id,
  });
  expect(milestone).toMatchObject({ kind: 'deployment_milestone', signerName: RM.displayName });
  await expect(closeout.getByTestId('closeout-milestone-hash')).toHaveText(milestone!.contentHash);
  await expect(page.getByTestId('signoff-panel')).toHaveCount(0);
  await screenshot(page, '06-complete');

  // The close-out PDF: downloaded, read back with pdftotext.
  const pdfDownload = page.waitForEvent('download');
  await closeout.getByTestId('closeout-export-pdf').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^closeout-Store_POS_refresh-7\.0-\d{4}-\d\d-\d\d\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' });
  expect(text).toContain('Close-out report: Store POS refresh 7.0');
  expect(text).toContain('Readiness: ready to close');
  expect(text).toContain(milestone!.contentHash);
  expect(text).toMatch(new RegExp(`Signer\\s+${RM.displayName} \\(Release manager\\)`));
  expect(text).toMatch(/Pilot stores \(pilot\)\s+1\s+1\s+1\s+0/);
  // The wave name may wrap in its narrow cell ("Pilot" / "stores" on the next line).
  expect(text).toMatch(new RegExp(`${SITE.code}\\s+${SITE.name}\\s+Pilot(?: st\\S*)?\\s+signed off\\s+signed off`));
  expect(text).toContain('Page 1 of');
  expect(siteSheet.contentHash).not.toBe(milestone!.contentHash);
  if (process.env.OUTPOST_E2E_SHOTS) fs.copyFileSync(await pdf.path(), path.join(process.env.OUTPOST_E2E_SHOTS, 'rm-closeout.pdf'));

  // The milestone and the completed deployment reach the server: the technician's next sync brings them down.
  await closeModal(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await expect(page.getByTestId('sync-conflicts')).toHaveCount(0);
  await syncOnce(tech);
  expect(tech.call('deployments.get', { deploymentId: deployment!.id }).deployment.status).toBe('complete');
  expect(tech.call('closeout.status', { deploymentId: deployment!.id }).milestone).toMatchObject({
    contentHash: milestone!.contentHash,
    signerName: RM.displayName,
  });
});
