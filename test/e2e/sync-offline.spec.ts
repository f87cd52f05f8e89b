import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCentralDb } from '../../server/db/central-db';
import type { ChecklistView } from '../../shared/domain/checklist';
import type { SyncStatus } from '../../shared/contract/sync-methods';
import { openTestCore, type TestCore } from '../support/temp-core';
import { startBrowserShell, type RunningShell } from './support/browser-shell';
import { createCentralServer, freePort, type CentralServer, type CentralUser } from './support/central-server-process';

/**
 * Issue 4's acceptance, end to end: a release manager publishes a plan, a technician signs in
 * through the browser shell, prepares a site, works with the server stopped, syncs when it is
 * back, and the server and the release manager's device have the work exactly once.
 */

const TECH: CentralUser = { username: 'riley', displayName: 'Riley Field', role: 'technician', password: 'field-work-2026' };
const RM: CentralUser = { username: 'morgan', displayName: 'Morgan Release', role: 'release_manager', password: 'release-plan-2026' };
const SITE_CODE = 'AMS-001';

let server: CentralServer | undefined;
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

interface ServerCounts {
  changeLog: number;
  docs: number;
  appliedByTech: number;
  rejectedByTech: number;
  duplicateOpIds: number;
}

/** Reads the central database directly (the server must be stopped: PGlite has one owner). */
async function serverCounts(dataDir: string, techDeviceId: string): Promise<ServerCounts> {
  const db = await openCentralDb({ dataDir });
  try {
    const one = async (sql: string, params: unknown[] = []) => Number(((await db.query<{ n: unknown }>(sql, params))[0]?.n ?? 0));
    return {
      changeLog: await one('SELECT count(*) AS n FROM change_log'),
      docs: await one('SELECT count(*) AS n FROM docs'),
      appliedByTech: await one(`SELECT count(*) AS n FROM applied_ops WHERE device_id = $1 AND status = 'applied'`, [techDeviceId]),
      rejectedByTech: await one(`SELECT count(*) AS n FROM applied_ops WHERE device_id = $1 AND status = 'rejected'`, [techDeviceId]),
      duplicateOpIds: await one('SELECT count(*) - count(DISTINCT op_id) AS n FROM applied_ops'),
    };
  } finally {
    await db.close();
  }
}

async function deviceRevoked(dataDir: string, deviceId: string): Promise<boolean> {
  const db = await openCentralDb({ dataDir });
  try {
    const rows = await db.query<{ revoked_at: unknown }>('SELECT revoked_at FROM devices WHERE id = $1', [deviceId]);
    return rows.length === 1 && rows[0]!.revoked_at !== null;
  } finally {
    await db.close();
  }
}

async function serverDoc(dataDir: string, entity: string, rowId: string): Promise<Record<string, unknown> | null> {
  const db = await openCentralDb({ dataDir });
  try {
    const rows = await db.query<{ data: Record<string, unknown> }>('SELECT data FROM docs WHERE entity = $1 AND row_id = $2', [entity, rowId]);
    return rows[0]?.data ?? null;
  } finally {
    await db.close();
  }
}

/** One complete push and pull on an in-process device; its status afterwards. */
async function syncOnce(device: TestCore): Promise<SyncStatus> {
  const outcome = await device.syncEngine.runOnce();
  if (!outcome.ok) throw new Error(`sync failed: ${outcome.error.code}: ${outcome.error.message} ${outcome.error.detail ?? ''}`);
  return device.call('sync.status', {});
}

async function expectPending(page: Page, count: number) {
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', String(count), { timeout: 20_000 });
  await expect(page.getByTestId('sync-pending')).toHaveText(`${count} pending`);
}

async function screenshot(page: Page, name: string) {
  const dir = process.env.OUTPOST_E2E_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

test('technician prepares a site, works offline with the server stopped, and one sync puts everything on the server exactly once', async ({ page }) => {
  test.setTimeout(240_000);

  // The central server on PGlite in a temporary directory, with a technician and a release manager.
  server = await createCentralServer();
  await server.createUser(TECH);
  await server.createUser(RM);
  await server.start();
  const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string };
  expect(health.status).toBe('ok');

  // The release manager's device: the sample deployment, one site assigned to the technician, published.
  rm = openTestCore({ sync: { intervalMs: false, requestTimeoutMs: 10_000 } });
  dirs.push(rm.dataDir);
  const { deploymentId } = rm.call('sample.open', {});
  rm.call('profile.set', { name: RM.displayName, role: 'release_manager' });
  const site = rm.call('sites.list', { deploymentId }).find((s) => s.code === SITE_CODE)!;
  rm.call('sites.update', { siteId: site.id, technicians: [TECH.displayName] });
  const signedIn = await rm.callAsync('sync.signIn', { serverUrl: server.url, username: RM.username, password: RM.password, deviceName: 'RM laptop' });
  expect(signedIn.account).toMatchObject({ username: RM.username, displayName: RM.displayName, role: 'release_manager' });
  const published = rm.call('sync.publish', { deploymentId });
  expect(published.queued).toBeGreaterThan(100);
  const rmFirst = await syncOnce(rm);
  expect(rmFirst.pendingOperations).toBe(0);
  expect(rmFirst.conflicts).toBe(0);

  // What a delivery note would list for the site: the serial the technician will scan.
  const planned = rm.call('inventory.list', { siteId: site.id, limit: 1 }).items[0]!;
  const serial = planned.expectedSerial!;
  const checklistBefore = rm.call('checklist.get', { siteId: site.id }) as ChecklistView;
  const firstItem = checklistBefore.phases[0]!.items[0]!;
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
  await prepare.getByRole('button', { name: 'Close' }).click();
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
  const offline = await shell.call<{ pendingOperations: number; pendingAttachments: number; online: boolean; lastError: { code: string } | null }>('sync.status', {});
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
  const rmItem = (rm.call('checklist.get', { siteId: site.id }) as ChecklistView).phases[0]!.items.find((i) => i.id === firstItem.id)!;
  expect(rmItem).toMatchObject({ state: 'done', stateBy: TECH.displayName });

  // On the server: every pending operation applied once, none refused, no operation id twice.
  await server.stop();
  const first = await serverCounts(server.dataDir, techDeviceId);
  expect(first.appliedByTech).toBe(pendingOffline);
  expect(first.rejectedByTech).toBe(0);
  expect(first.duplicateOpIds).toBe(0);
  expect((await serverDoc(server.dataDir, 'inventory_items', planned.id))).toMatchObject({ state: 'received', received_by: TECH.displayName });
  expect((await serverDoc(server.dataDir, 'checklist_items', firstItem.id))).toMatchObject({ state: 'done', state_by: TECH.displayName });
  await server.start();

  // A second sync on both devices changes nothing.
  const rmSnapshot = JSON.stringify([rm.call('inventory.reconciliation', { siteId: site.id }), rm.call('checklist.get', { siteId: site.id })]);
  const previousSuccess = lastSuccessAt!;
  await page.keyboard.press('s'); // the Sync now shortcut
  await expect(page.getByTestId('sync-last-success')).not.toHaveAttribute('data-at', previousSuccess, { timeout: 30_000 });
  await expectPending(page, 0);
  const rmThird = await syncOnce(rm);
  expect(rmThird.pendingOperations).toBe(0);
  expect(JSON.stringify([rm.call('inventory.reconciliation', { siteId: site.id }), rm.call('checklist.get', { siteId: site.id })])).toBe(rmSnapshot);
  await server.stop();
  const second = await serverCounts(server.dataDir, techDeviceId);
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
  expect(await deviceRevoked(server.dataDir, techDeviceId)).toBe(true);
});
