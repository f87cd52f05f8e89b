import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestCore } from '../support/temp-core';
import { startBrowserShell, type RunningShell } from './support/browser-shell';
import { createServerProcess, freePort, type ServerProcess } from '../support/server-process';
import { deviceRevoked, pgliteDir, publishSample, RM, serverCounts, serverDoc, syncOnce, TECH } from './support/sync-scenario';

/**
 * Issue 4's acceptance, end to end: a release manager publishes a plan, a technician signs in
 * through the browser shell, prepares a site, works with the server stopped, syncs when it is
 * back, and the server and the release manager's device have the work exactly once; a refused
 * change is listed with its reason until dismissed.
 */

const SITE_CODE = 'AMS-001';

let server: ServerProcess | undefined;
let shell: RunningShell | undefined;
let rm: TestCore | undefined;
const dirs: string[] = [];

test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  rm?.close();
  rm = undefined;
  await server?.dispose();
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function expectPending(page: Page, count: number) {
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', String(count), { timeout: 20_000 });
  await expect(page.getByTestId('sync-pending')).toHaveText(`${count} pending`);
}

async function screenshot(page: Page, name: string) {
  const dir = process.env.OUTPOST_E2E_SHOTS;
  if (!dir) return;
  await page.waitForTimeout(400); // let dialogs finish their transition
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

test('technician prepares a site, works offline with the server stopped, and one sync puts everything on the server exactly once', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // The central server on PGlite in a temporary directory, with a technician and a release manager.
  server = await createServerProcess({ cli: 'dist' });
  await server.createUser(TECH);
  await server.createUser(RM);
  await server.start();
  const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string };
  expect(health.status).toBe('ok');

  // The release manager's device: the sample deployment, one site assigned to the technician, published.
  const published = await publishSample(server, SITE_CODE);
  rm = published.rm;
  dirs.push(rm.dataDir);
  const site = published.site;

  // What a delivery note would list for the site: the serial the technician will scan.
  const planned = rm.call('inventory.list', { siteId: site.id, limit: 1 }).items[0]!;
  const serial = planned.expectedSerial!;
  const checklistBefore = rm.call('checklist.get', { siteId: site.id });
  // An item one click completes: it asks for no evidence and waits on no other item.
  const firstItem = checklistBefore.phases[0]!.items.find((i) => i.evidence === 'none' && !i.dependsOn)!;
  expect(firstItem.state).toBe('todo');

  // The technician's browser shell: sign in from the first-run screen.
  const shellDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-sync-'));
  dirs.push(shellDir);
  shell = await startBrowserShell(shellDir);
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Sign in to a server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to a server' });

  // A server that is not there: said so, with the network error.
  await dialog.getByLabel('Server address').fill(`http://127.0.0.1:${await freePort()}`);
  await dialog.getByLabel('User name').fill(TECH.username);
  await dialog.getByRole('textbox', { name: /^Password/ }).fill(TECH.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Server unreachable');
  await expect(dialog.getByRole('alert')).toContainText('ECONNREFUSED');

  // A wrong password is refused with a clear message; nothing is signed in.
  await dialog.getByLabel('Server address').fill(server.url);
  await dialog.getByRole('textbox', { name: /^Password/ }).fill('not-the-password');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Wrong user name or password');

  await dialog.getByRole('textbox', { name: /^Password/ }).fill(TECH.password);
  await expect(dialog.getByLabel('Device name')).not.toHaveValue('');
  await dialog.getByLabel('Device name').fill('Riley field laptop');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  // The profile is the account's; the status bar is there and says online with nothing pending.
  await expect(page.getByTestId('profile-display-name')).toHaveText(TECH.displayName);
  await expect(page.getByTestId('profile-menu')).toContainText('Technician');
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toBeVisible();
  await expect(page.getByTestId('sync-connection')).toHaveText('Online');
  await expectPending(page, 0);
  await screenshot(page, '01-signed-in');

  // Prepare for site: the server lists the assigned site; prepare it and wait for the confirmation.
  await page.getByRole('button', { name: 'Sync account' }).click();
  await expect(page.getByTestId('sync-account-name')).toHaveText(`${TECH.displayName} · Technician`);
  await page.getByRole('menuitem', { name: 'Prepare for site…' }).click();
  const prepare = page.getByRole('dialog', { name: 'Prepare for site' });
  const siteBox = prepare.getByRole('checkbox', { name: new RegExp(SITE_CODE) });
  await expect(siteBox).toBeChecked();
  await expect(prepare.getByRole('checkbox')).toHaveCount(1);
  await prepare.getByRole('button', { name: 'Prepare 1 site' }).click();
  await expect(prepare.getByTestId('prepare-done')).toContainText(/Ready to go offline: 1 site, \d+ attachments?/, { timeout: 60_000 });
  await screenshot(page, '02-prepared');
  await prepare.getByRole('button', { name: 'Close', exact: true }).click();
  const techStatus = await shell.call<{ account: { deviceId: string } | null; preparedSites: { siteId: string }[] }>('sync.status', {});
  expect(techStatus.preparedSites.map((p) => p.siteId)).toEqual([site.id]);
  const techDeviceId = techStatus.account!.deviceId;

  // The site's plan is on the device: the navigator shows it, with the expected inventory.
  await expect(page.getByTestId(`site-${SITE_CODE}`)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-testid^="site-"]')).toHaveCount(1);
  const techRecon = await shell.call<{ expected: number; received: number }>('inventory.reconciliation', { siteId: site.id });
  expect(techRecon).toMatchObject({ expected: rm.call('inventory.reconciliation', { siteId: site.id }).expected, received: 0 });

  // The server goes away. The technician keeps working: receive by serial, complete a checklist item.
  await server.stop();
  await page.getByTestId(`site-${SITE_CODE}`).click();
  await page.getByTestId('tab-inventory').click();
  await page.getByTestId('receive-mode').click();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.type(serial);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'received');
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-checklist').click();
  const item = page.locator(`[data-testid="checklist-item"][data-item-id="${firstItem.id}"]`);
  await item.getByTestId('item-done').click();
  await expect(item).toHaveAttribute('data-state', 'done');

  // Sync now while the server is down: the status says offline, counts the pending changes, explains the error.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-connection')).toHaveText('Offline', { timeout: 30_000 });
  const offline = await shell.call<{
    pendingOperations: number;
    pendingAttachments: number;
    online: boolean;
    lastError: { code: string } | null;
  }>('sync.status', {});
  expect(offline.online).toBe(false);
  // One operation per changed row: the received inventory item and the checklist item.
  expect(offline.pendingOperations).toBe(2);
  const pendingOffline = offline.pendingOperations + offline.pendingAttachments;
  await expectPending(page, pendingOffline);
  await page.getByRole('button', { name: /Sync error details/ }).click();
  await expect(page.getByTestId('sync-error-popover')).toContainText(offline.lastError!.code);
  await screenshot(page, '03-offline');
  await page.keyboard.press('Escape');

  // The server is back: one "Sync now" sends everything.
  await server.start();
  const beforeSync = Date.now();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expectPending(page, 0);
  await expect(page.getByTestId('sync-connection')).toHaveText('Online', { timeout: 30_000 });
  await expect(page.getByTestId('sync-last-success')).toHaveText('Synced just now');
  const lastSuccessAt = await page.getByTestId('sync-last-success').getAttribute('data-at');
  expect(Date.parse(lastSuccessAt!)).toBeGreaterThanOrEqual(beforeSync - 1000);
  await expect(page.getByTestId('sync-conflicts')).toHaveCount(0);
  await screenshot(page, '04-synced');

  // The release manager's device syncs and sees the technician's work once.
  const rmSecond = await syncOnce(rm);
  expect(rmSecond.conflicts).toBe(0);
  const received = rm.call('inventory.list', { siteId: site.id, query: serial, limit: 10 }).items;
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ id: planned.id, state: 'received', receivedBy: TECH.displayName });
  expect(received[0]!.foundSerial?.toUpperCase()).toBe(serial.toUpperCase());
  const recon = rm.call('inventory.reconciliation', { siteId: site.id });
  expect(recon.received).toBe(1);
  const rmItem = rm.call('checklist.get', { siteId: site.id }).phases[0]!.items.find((i) => i.id === firstItem.id)!;
  expect(rmItem).toMatchObject({ state: 'done', stateBy: TECH.displayName });

  // On the server: every pending operation applied once, none refused, no operation id twice.
  await server.stop();
  const first = await serverCounts(pgliteDir(server), techDeviceId);
  expect(first.appliedByTech).toBe(pendingOffline);
  expect(first.rejectedByTech).toBe(0);
  expect(first.duplicateOpIds).toBe(0);
  expect(await serverDoc(pgliteDir(server), 'inventory_items', planned.id)).toMatchObject({
    state: 'received',
    received_by: TECH.displayName,
  });
  expect(await serverDoc(pgliteDir(server), 'checklist_items', firstItem.id)).toMatchObject({ state: 'done', state_by: TECH.displayName });
  await server.start();

  // A second sync on both devices changes nothing.
  const rmSnapshot = JSON.stringify([
    rm.call('inventory.reconciliation', { siteId: site.id }),
    rm.call('checklist.get', { siteId: site.id }),
  ]);
  const previousSuccess = lastSuccessAt!;
  await page.keyboard.press('s'); // the Sync now shortcut
  await expect(page.getByTestId('sync-last-success')).not.toHaveAttribute('data-at', previousSuccess, { timeout: 30_000 });
  await expectPending(page, 0);
  const rmThird = await syncOnce(rm);
  expect(rmThird.pendingOperations).toBe(0);
  expect(JSON.stringify([rm.call('inventory.reconciliation', { siteId: site.id }), rm.call('checklist.get', { siteId: site.id })])).toBe(
    rmSnapshot,
  );
  await server.stop();
  const second = await serverCounts(pgliteDir(server), techDeviceId);
  expect(second).toEqual(first);

  // Sign out (nothing pending, so no discard question): the header offers sign-in again, the device is revoked.
  await server.start();
  await page.getByRole('button', { name: 'Sync account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out…' }).click();
  const signOut = page.getByRole('dialog', { name: 'Sign out' });
  await expect(signOut.getByTestId('sign-out-pending')).toHaveCount(0);
  await signOut.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in to a server' })).toBeVisible({ timeout: 20_000 });
  await server.stop();
  expect(await deviceRevoked(pgliteDir(server), techDeviceId)).toBe(true);
});

async function signInThroughUi(page: Page, serverUrl: string) {
  await page.getByRole('button', { name: 'Sign in to a server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to a server' });
  await dialog.getByLabel('Server address').fill(serverUrl);
  await dialog.getByLabel('User name').fill(TECH.username);
  await dialog.getByRole('textbox', { name: /^Password/ }).fill(TECH.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

test('a change the server refuses is listed with its reason until dismissed, and changes nothing on the server', async ({ page }) => {
  test.setTimeout(180_000);
  server = await createServerProcess({ cli: 'dist' });
  await server.createUser(TECH);
  await server.createUser(RM);
  await server.start();
  const published = await publishSample(server, SITE_CODE);
  rm = published.rm;
  dirs.push(rm.dataDir);
  const site = published.site;
  const item = rm.call('checklist.get', { siteId: site.id }).phases[0]!.items.find((i) => i.evidence === 'none' && !i.dependsOn)!;

  const shellDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-sync-'));
  dirs.push(shellDir);
  shell = await startBrowserShell(shellDir);
  await page.goto(shell.url);
  await signInThroughUi(page, server.url);
  await expect(page.getByTestId(`site-${SITE_CODE}`)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sync-conflicts')).toHaveCount(0);

  // The release manager gives the site to someone else; the technician, not synced since, completes an item.
  rm.call('sites.update', { siteId: site.id, technicians: ['Someone Else'] });
  await syncOnce(rm);
  await page.getByTestId(`site-${SITE_CODE}`).click();
  await page.getByTestId('tab-checklist').click();
  const row = page.locator(`[data-testid="checklist-item"][data-item-id="${item.id}"]`);
  await row.getByTestId('item-done').click();
  await expect(row).toHaveAttribute('data-state', 'done');
  await expectPending(page, 1);

  // Sync now: the server refuses it; the queue moves on and the header counts one conflict.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-conflicts')).toHaveText('1 conflict', { timeout: 30_000 });
  await expectPending(page, 0);
  await page.getByTestId('sync-conflicts').click();
  const dialog = page.getByRole('dialog', { name: 'Conflicts' });
  const refused = dialog.getByTestId('conflict-row');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('Checklist item');
  await expect(refused).toContainText('Changed');
  await expect(refused.getByTestId('conflict-change')).toContainText('state: done');
  await expect(refused).toContainText(/not assigned to site/);
  await expect(refused).toContainText('forbidden');
  await screenshot(page, '05-conflicts');

  // Dismiss after reading: the list and the header count are empty.
  await refused.getByRole('button', { name: 'Dismiss the refused change to checklist item' }).click();
  await expect(dialog.getByTestId('conflicts-empty')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sync-conflicts')).toHaveCount(0, { timeout: 20_000 });
  expect((await shell.call<{ conflicts: number }>('sync.status', {})).conflicts).toBe(0);

  // The window coming back online starts a sync at once.
  await page.context().setOffline(true);
  const syncRequest = page.waitForRequest((request) => request.url().endsWith('/api/sync.now'));
  await page.context().setOffline(false);
  expect((await syncRequest).method()).toBe('POST');

  // The refused change reached nobody: the release manager's copy and the server's are unchanged.
  await syncOnce(rm);
  expect(rm.call('checklist.get', { siteId: site.id }).phases[0]!.items.find((i) => i.id === item.id)).toMatchObject({
    state: 'todo',
    stateBy: null,
  });
  await server.stop();
  expect(await serverDoc(pgliteDir(server), 'checklist_items', item.id)).toMatchObject({ state: 'todo', state_by: null });
});
