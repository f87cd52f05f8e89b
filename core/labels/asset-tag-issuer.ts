import type Database from 'better-sqlite3';
import { LOCAL_ISSUER, serverIssuer } from '../../shared/labels/asset-tag';
import { readAccount } from '../sync/sync-store';

/** Where a deployment's new asset tags come from on this device (migration 26, shared/labels/asset-tag.ts). */
export interface TagIssuer {
  issuer: string | null;
  problem: string | null;
}

/**
 * `L` for a deployment that does not sync (no other device holds it); for one that syncs, the
 * number the central server gave the device this app is signed in as, which it fetches on every
 * sync until it has one (core/labels/device-tag-number-sync.ts). Without one, tagging waits: a
 * number made up offline could be another device's.
 */
export function tagIssuerFor(sqlite: Database.Database, deploymentId: string): TagIssuer {
  const syncs = sqlite.prepare('SELECT 1 FROM sync_scopes WHERE deployment_id = ?').get(deploymentId) !== undefined;
  if (!syncs) return { issuer: LOCAL_ISSUER, problem: null };
  const account = readAccount(sqlite);
  if (!account)
    return {
      issuer: null,
      problem: 'This deployment syncs: sign in to the central server and sync once, so it numbers this device for asset tags',
    };
  const row = sqlite.prepare('SELECT issuer FROM asset_tag_issuers WHERE server_device_id = ?').get(account.deviceId) as
    { issuer: string } | undefined;
  if (!row)
    return {
      issuer: null,
      problem:
        'The central server has not numbered this device for asset tags yet: sync once while online (Prepare for site does), then tags can be given offline',
    };
  return { issuer: row.issuer, problem: null };
}

/** Takes `count` consecutive sequence numbers of `issuer`; returns the first. Call inside the tagging transaction. */
export function takeSequences(sqlite: Database.Database, issuer: string, count: number, at: string): number {
  if (issuer === LOCAL_ISSUER)
    sqlite
      .prepare(
        'INSERT INTO asset_tag_issuers (issuer, server_device_id, next_sequence, recorded_at) VALUES (?, NULL, 1, ?) ON CONFLICT(issuer) DO NOTHING',
      )
      .run(issuer, at);
  const row = sqlite
    .prepare('UPDATE asset_tag_issuers SET next_sequence = next_sequence + ? WHERE issuer = ? RETURNING next_sequence - ? AS first')
    .get(count, issuer, count) as { first: number } | undefined;
  if (!row) throw new Error(`Asset tag issuer ${issuer} is not recorded`);
  return row.first;
}

/**
 * Records the number the central server gave this device (its device id there; the server gives a
 * device id one number, once). A number seen before (another server may repeat one) keeps its
 * sequence, so this device's tags still never repeat.
 */
export function recordDeviceTagNumber(sqlite: Database.Database, serverDeviceId: string, deviceNumber: number, at: string): void {
  const issuer = serverIssuer(deviceNumber);
  sqlite
    .prepare(
      `INSERT INTO asset_tag_issuers (issuer, server_device_id, next_sequence, recorded_at) VALUES (?, ?, 1, ?)
       ON CONFLICT(issuer) DO UPDATE SET server_device_id = excluded.server_device_id, recorded_at = excluded.recorded_at`,
    )
    .run(issuer, serverDeviceId, at);
}
