import Database from 'better-sqlite3';
import type { FetchLike } from '../../core/sync/server-client';
import type { SyncEngineSettings } from '../../core/sync/sync-engine';
import { TOKEN_SECRET_KEY } from '../../core/sync/sync-deps';
import { PROTOCOL_HEADER } from '../../shared/sync/wire';
import { openSampleCore, openTestCore, type TestCore } from '../support/temp-core';

/** A desktop for the sync client suites: a real core on a temp SQLite file, no timer, a network switch. */
export interface Device {
  core: TestCore;
  /**
   * `offline`: every request fails like an unplugged cable; `protocol`: the protocol header sent
   * instead of ours; `intercept`: answers a request itself when it returns a response.
   */
  net: { offline: boolean; protocol?: string; intercept?: (url: string, init: RequestInit) => Promise<Response> | undefined };
  /** A second connection to the device's database for assertions and raw edits. */
  db: Database.Database;
  sync(): ReturnType<TestCore['syncEngine']['runOnce']>;
  signIn(serverUrl: string, username: string, password: string): Promise<void>;
  token(): string | null;
  close(): void;
}

export function openDevice(
  options: { sample?: boolean; dataDir?: string; settings?: SyncEngineSettings } = {},
): Device & { deploymentId?: string } {
  const net: Device['net'] = { offline: false };
  const fetchThroughSwitch: FetchLike = async (url, init) => {
    if (net.offline)
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1'), { code: 'ECONNREFUSED' }) });
    const headers = { ...(init.headers as Record<string, string>) };
    if (net.protocol !== undefined) headers[PROTOCOL_HEADER] = net.protocol;
    return net.intercept?.(url, init) ?? fetch(url, { ...init, headers });
  };
  const sync: SyncEngineSettings = { fetch: fetchThroughSwitch, intervalMs: false, requestTimeoutMs: 10_000, ...options.settings };
  let core: TestCore;
  let deploymentId: string | undefined;
  if (options.sample) {
    const sample = openSampleCore({ sync, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
    core = sample.core;
    deploymentId = sample.deploymentId;
  } else {
    core = openTestCore({ sync, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  }
  const db = new Database(core.databaseFile);
  return {
    core,
    net,
    db,
    ...(deploymentId ? { deploymentId } : {}),
    sync: () => core.syncEngine.runOnce(),
    signIn: async (serverUrl, username, password) => {
      await core.callAsync('sync.signIn', { serverUrl, username, password, deviceName: `${username} laptop` });
      await core.syncEngine.idle(); // the first sync sign-in starts
    },
    token: () => core.secrets.get(TOKEN_SECRET_KEY),
    close: () => {
      db.close();
      core.close();
    },
  };
}

/**
 * On a release manager's device, names a server user on every site of the deployment that lists
 * `name` as a name only (the sample's technicians are typed names): what the technician picker
 * does once signed in. Returns the ids of those sites.
 */
export function assignUser(device: Device, deploymentId: string, name: string, user: { id: string; displayName: string }): string[] {
  const sites = device.core.call('sites.list', { deploymentId }).filter((s) => s.technicians.some((t) => t.id === null && t.name === name));
  for (const site of sites) {
    const technicians = site.technicians.map((t) => (t.id === null && t.name === name ? { id: user.id, name: user.displayName } : t));
    device.core.call('sites.update', { siteId: site.id, technicians });
  }
  return sites.map((s) => s.id);
}

export function count(db: Database.Database, sql: string, ...params: unknown[]): number {
  return (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
}

/** Every row of the given tables, in key order: equal dumps mean equal data. */
export function dump(db: Database.Database, tables: readonly string[]): Record<string, unknown[]> {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
}
