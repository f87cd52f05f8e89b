import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import type { SyncRun } from '../sync/sync-deps';
import { SyncError } from '../sync/sync-error';
import { tempDataDir } from '../../test/support/temp-core';
import { tagIssuerFor } from './asset-tag-issuer';
import { syncDeviceTagNumber } from './device-tag-number-sync';

const ACCOUNT = {
  serverUrl: 'https://outpost.example',
  username: 'alex',
  displayName: 'Alex',
  role: 'technician' as const,
  deviceId: 'dev-1',
  signedInAt: '2026-12-06T00:00:00.000Z',
};

let close: (() => void) | undefined;
afterEach(() => close?.());

/** A sync run over a real migrated database whose server answers the tag number route with `answer`. */
function runWith(answer: () => Promise<{ number: number }>) {
  const dir = tempDataDir('tag-number');
  const db = openDatabase({ file: path.join(dir, 'outpost.db'), backupDir: path.join(dir, 'backups') });
  close = () => db.sqlite.close();
  let asked = 0;
  const run = {
    deps: { sqlite: db.sqlite, clock: { now: () => '2026-12-06T01:00:00.000Z' } },
    client: { assetTagNumber: () => (asked++, answer()) },
    signal: new AbortController().signal,
  } as unknown as SyncRun;
  return { run, sqlite: db.sqlite, asked: () => asked };
}

describe('the device asset tag number, fetched while syncing', () => {
  it('is recorded for the signed-in device once and not asked for again', async () => {
    const { run, sqlite, asked } = runWith(async () => ({ number: 12 }));
    await syncDeviceTagNumber(run, ACCOUNT);
    await syncDeviceTagNumber(run, ACCOUNT);
    expect(asked()).toBe(1);
    expect(sqlite.prepare('SELECT issuer, server_device_id AS device, next_sequence AS next FROM asset_tag_issuers').all()).toEqual([
      { issuer: 'D12', device: 'dev-1', next: 1 },
    ]);
    sqlite
      .prepare(
        "INSERT INTO sync_account (id, server_url, username, display_name, role, device_id, signed_in_at) VALUES (1, 'https://outpost.example', 'alex', 'Alex', 'technician', 'dev-1', ?)",
      )
      .run(ACCOUNT.signedInAt);
    sqlite.prepare("INSERT INTO sync_scopes (deployment_id, source, since) VALUES ('dep-1', 'pulled', ?)").run(ACCOUNT.signedInAt);
    expect(tagIssuerFor(sqlite, 'dep-1')).toEqual({ issuer: 'D12', problem: null });
  });

  it('leaves an older server without the route alone (the sync goes on), and fails a run on other errors', async () => {
    const older = runWith(async () => {
      throw new SyncError('server_error', 'Not found', 'POST /v1/devices/asset-tag-number: 404', 404);
    });
    await expect(syncDeviceTagNumber(older.run, ACCOUNT)).resolves.toBeUndefined();
    expect(older.sqlite.prepare('SELECT count(*) AS n FROM asset_tag_issuers').get()).toEqual({ n: 0 });
    close?.();
    const offline = runWith(async () => {
      throw new SyncError('offline', 'Cannot reach the server');
    });
    await expect(syncDeviceTagNumber(offline.run, ACCOUNT)).rejects.toThrow('Cannot reach the server');
  });
});
