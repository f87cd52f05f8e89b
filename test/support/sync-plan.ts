import path from 'node:path';
import { openDatabase } from '../../core/db/open-database';
import { DATABASE_FILE_NAME } from '../../core/outpost-core';
import { addInventoryItems } from '../../core/plan/plan-writer';
import { newId, systemClock } from '../../core/runtime/clock';
import { bulkInventory } from '../../core/sample/sample-hardware';
import { seededRandom } from '../../core/sample/seeded-random';
import { keyFileCipher } from '../../core/secrets/key-file-cipher';
import { fileSecretStore } from '../../core/secrets/secret-store';
import type { CoreOptions } from '../../core/outpost-core';
import { openTestCore, tempDataDir, type TestCore } from './temp-core';

/**
 * Devices for the sync suites and benchmark: real cores on their own data directories, signed in
 * to a server (or the fault proxy in front of it), with the automatic timer off so each test
 * decides when a sync pass runs (`core.syncEngine.runOnce()`).
 */
export interface Device {
  name: string;
  core: TestCore;
  dataDir: string;
  /** Closes the core and opens the same data directory again (the account and outbox survive). */
  reopen(): void;
}

export interface DeviceOptions {
  name: string;
  role: 'technician' | 'release_manager' | 'administrator';
  sync?: CoreOptions['sync'];
  dataDir?: string;
}

export function openDevice(options: DeviceOptions): Device {
  const dataDir = options.dataDir ?? tempDataDir(`outpost-${options.role}`);
  const sync = { intervalMs: false as const, requestTimeoutMs: 5_000, ...options.sync };
  const device: Device = {
    name: options.name,
    dataDir,
    core: openTestCore({ dataDir, profile: false, sync }),
    reopen() {
      device.core.close();
      device.core = openTestCore({ dataDir, profile: false, sync });
    },
  };
  device.core.call('profile.set', { name: options.name, role: options.role });
  return device;
}

export async function signInDevice(device: Device, serverUrl: string, username: string, password: string): Promise<void> {
  await device.core.callAsync('sync.signIn', { serverUrl, username, password, deviceName: device.name });
}

/** How long a sign-in may take: it waits on the server's password hash, slow on a loaded machine. */
const SIGN_IN_LIMIT_MS = 60_000;

/**
 * A device signed in to `serverUrl`: the sign-in gets its own limit, then the device is opened again
 * on the same data directory with the request limit the test asked for.
 */
export async function openSignedInDevice(options: DeviceOptions, serverUrl: string, username: string, password: string): Promise<Device> {
  const limit = options.sync?.requestTimeoutMs ?? 5_000;
  const signingIn = openDevice({ ...options, sync: { ...options.sync, requestTimeoutMs: Math.max(limit, SIGN_IN_LIMIT_MS) } });
  try {
    await signInDevice(signingIn, serverUrl, username, password);
  } finally {
    signingIn.core.close();
  }
  return openDevice({ ...options, dataDir: signingIn.dataDir });
}

/** One sync pass; throws with the engine's error when it fails. */
export async function syncOnce(device: Device): Promise<void> {
  const outcome = await device.core.syncEngine.runOnce();
  if (!outcome.ok)
    throw new Error(`${device.name}: sync failed: ${outcome.error.code}: ${outcome.error.message} ${outcome.error.detail ?? ''}`);
}

export interface PlannedSite {
  code: string;
  technicians: string[];
  items: number;
}

export interface Plan {
  deploymentId: string;
  sites: { id: string; code: string; serials: string[] }[];
}

/**
 * A deployment with sites, expected inventory and (optionally) a checklist template that every site
 * gets, on a release manager's device (not published).
 * Items go in through the plan writer on a second connection (as the importer would), in one
 * transaction per site, while the device's core is closed; the core is reopened afterwards.
 */
export function createPlan(
  device: Device,
  name: string,
  sites: readonly PlannedSite[],
  options: { seed?: number; checklistItems?: number } = {},
): Plan {
  const seed = options.seed ?? 1;
  const deployment = device.core.call('deployments.create', { name, version: '1.0' });
  for (let i = 1; i <= (options.checklistItems ?? 0); i += 1) {
    device.core.call('checklistTemplate.saveItem', {
      deploymentId: deployment.id,
      phase: 'during',
      title: `Step ${i}`,
      required: i % 2 === 1,
    });
  }
  const created = sites.map((s) => ({
    ...s,
    id: device.core.call('sites.create', { deploymentId: deployment.id, code: s.code, name: `Site ${s.code}`, technicians: s.technicians })
      .id,
  }));
  device.core.close();
  const opened = openDatabase({ file: path.join(device.dataDir, DATABASE_FILE_NAME), backupDir: path.join(device.dataDir, 'backups') });
  const ctx = {
    db: opened.db,
    sqlite: opened.sqlite,
    clock: systemClock,
    newId,
    secrets: fileSecretStore(device.dataDir, keyFileCipher(device.dataDir)),
    actor: () => device.name,
  };
  const planned = created.map((site, index) => {
    const drafts = bulkInventory(seededRandom(seed * 1000 + index), site.code, site.items);
    opened.sqlite.transaction(() => addInventoryItems(ctx, site.id, drafts))();
    return { id: site.id, code: site.code, serials: drafts.map((d) => d.expectedSerial!) };
  });
  opened.sqlite.close();
  device.reopen();
  return { deploymentId: deployment.id, sites: planned };
}

/** Rows waiting in a device's outbox. */
export function pendingOps(device: Device): number {
  return device.core.call('sync.status', {}).pendingOperations;
}
