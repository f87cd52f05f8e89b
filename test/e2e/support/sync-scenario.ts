import { expect } from '@playwright/test';
import { openCentralDb } from '../../../server/db/central-db';
import type { SyncStatus } from '../../../shared/contract/sync-methods';
import { openTestCore, type TestCore } from '../../support/temp-core';
import type { ServerProcess, ServerUserSpec } from '../../support/server-process';

/** The people of the sync end-to-end specs, created on the central server with the CLI. */
export const TECH: ServerUserSpec = { username: 'riley', displayName: 'Riley Field', role: 'technician', password: 'field-work-2026' };
export const RM: ServerUserSpec = {
  username: 'morgan',
  displayName: 'Morgan Release',
  role: 'release_manager',
  password: 'release-plan-2026',
};

/** One complete push and pull on an in-process device; its status afterwards. */
export async function syncOnce(device: TestCore): Promise<SyncStatus> {
  const outcome = await device.syncEngine.runOnce();
  if (!outcome.ok) throw new Error(`sync failed: ${outcome.error.code}: ${outcome.error.message} ${outcome.error.detail ?? ''}`);
  return device.call('sync.status', {});
}

/**
 * The release manager's device (an in-process core): the sample deployment with one site assigned
 * to the technician, signed in, published and synced.
 */
/** The PGlite data directory the specs read the server's rows from (they run the server on PGlite). */
export function pgliteDir(server: ServerProcess): string {
  if (!server.dataDir) throw new Error('The end-to-end server runs on PGlite; this one has no data directory');
  return server.dataDir;
}

export async function publishSample(server: ServerProcess, siteCode: string) {
  const rm = openTestCore({ sync: { intervalMs: false, requestTimeoutMs: 10_000 } });
  const { deploymentId } = rm.call('sample.open', {});
  rm.call('profile.set', { name: RM.displayName, role: 'release_manager' });
  const site = rm.call('sites.list', { deploymentId }).find((s) => s.code === siteCode)!;
  const signedIn = await rm.callAsync('sync.signIn', {
    serverUrl: server.url,
    username: RM.username,
    password: RM.password,
    deviceName: 'RM laptop',
  });
  expect(signedIn.account).toMatchObject({ username: RM.username, displayName: RM.displayName, role: 'release_manager' });
  // The technician picked from the server's users, as the site editor does once signed in.
  const tech = (await rm.callAsync('sync.serverUsers', {})).find((u) => u.username === TECH.username)!;
  rm.call('sites.update', { siteId: site.id, technicians: [{ id: tech.id, name: tech.displayName }] });
  const published = rm.call('sync.publish', { deploymentId });
  expect(published.queued).toBeGreaterThan(100);
  const first = await syncOnce(rm);
  expect(first).toMatchObject({ pendingOperations: 0, conflicts: 0, lastError: null });
  return { rm, deploymentId, site };
}

export interface ServerCounts {
  changeLog: number;
  docs: number;
  appliedByTech: number;
  rejectedByTech: number;
  duplicateOpIds: number;
}

/** Reads the central database directly (the server must be stopped: PGlite has one owner). */
export async function serverCounts(dataDir: string, techDeviceId: string): Promise<ServerCounts> {
  const db = await openCentralDb({ dataDir });
  try {
    const one = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: unknown }>(sql, params))[0]?.n ?? 0);
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

export async function deviceRevoked(dataDir: string, deviceId: string): Promise<boolean> {
  const db = await openCentralDb({ dataDir });
  try {
    const rows = await db.query<{ revoked_at: unknown }>('SELECT revoked_at FROM devices WHERE id = $1', [deviceId]);
    return rows.length === 1 && rows[0]!.revoked_at !== null;
  } finally {
    await db.close();
  }
}

export async function serverDoc(dataDir: string, entity: string, rowId: string): Promise<Record<string, unknown> | null> {
  const db = await openCentralDb({ dataDir });
  try {
    const rows = await db.query<{ data: Record<string, unknown> }>('SELECT data FROM docs WHERE entity = $1 AND row_id = $2', [
      entity,
      rowId,
    ]);
    return rows[0]?.data ?? null;
  } finally {
    await db.close();
  }
}
