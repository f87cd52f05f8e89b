import type Database from 'better-sqlite3';
import type { RegisteredKey } from '../../shared/sync/device-key-wire';

/**
 * Who stands behind a signing key, from what this device knows: the keys the central server
 * registered (pulled at every sync, migration 15) and fingerprints confirmed on this device when a
 * site report file was imported. A key found nowhere is an unverified signer, however valid the
 * signature: anyone can make a fresh key.
 */
export type SignerIdentity =
  | { status: 'registered'; key: RegisteredKey; description: string }
  | { status: 'confirmed'; confirmedBy: string; confirmedAt: string; description: string }
  | { status: 'unregistered'; description: string };

export const UNREGISTERED_SIGNER = 'key not registered: unverified signer';

interface KeyRow {
  fingerprint: string;
  public_key: string;
  user_id: string;
  username: string;
  display_name: string;
  device_id: string;
  device_name: string;
  registered_at: string;
  device_revoked_at: string | null;
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** "signed by Riley Field on device 'Riley's laptop', key registered 2026-11-24" */
export function describeRegisteredSigner(key: RegisteredKey): string {
  const revoked = key.deviceRevokedAt ? ` (device signed out ${key.deviceRevokedAt.slice(0, 10)})` : '';
  return `signed by ${key.displayName} on device '${key.deviceName}', key registered ${key.registeredAt.slice(0, 10)}${revoked}`;
}

/** The registration of a fingerprint (the earliest, when the same key was registered for several devices of its user). */
export function registeredKey(sqlite: Database.Database, fingerprint: string): RegisteredKey | null {
  if (!hasTable(sqlite, 'registered_device_keys')) return null;
  const row = sqlite
    .prepare(
      `SELECT fingerprint, public_key, user_id, username, display_name, device_id, device_name, registered_at, device_revoked_at
         FROM registered_device_keys WHERE fingerprint = ? ORDER BY registered_at, device_id LIMIT 1`,
    )
    .get(fingerprint) as KeyRow | undefined;
  if (!row) return null;
  return {
    fingerprint: row.fingerprint,
    publicKey: row.public_key,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    deviceId: row.device_id,
    deviceName: row.device_name,
    registeredAt: row.registered_at,
    deviceRevokedAt: row.device_revoked_at,
  };
}

/**
 * The signer behind `fingerprint`. `publicKey` (the key the signature verified with) must be the
 * registered one: a fingerprint alone proves nothing.
 */
export function signerIdentity(sqlite: Database.Database, fingerprint: string, publicKey: string): SignerIdentity {
  const key = registeredKey(sqlite, fingerprint);
  if (key && key.publicKey === publicKey) return { status: 'registered', key, description: describeRegisteredSigner(key) };
  if (hasTable(sqlite, 'confirmed_device_keys')) {
    const confirmed = sqlite
      .prepare('SELECT confirmed_by, confirmed_at FROM confirmed_device_keys WHERE fingerprint = ? ORDER BY confirmed_at LIMIT 1')
      .get(fingerprint) as { confirmed_by: string; confirmed_at: string } | undefined;
    if (confirmed) {
      return {
        status: 'confirmed',
        confirmedBy: confirmed.confirmed_by,
        confirmedAt: confirmed.confirmed_at,
        description: `key not registered; fingerprint confirmed by ${confirmed.confirmed_by} on ${confirmed.confirmed_at.slice(0, 10)}`,
      };
    }
  }
  return { status: 'unregistered', description: UNREGISTERED_SIGNER };
}

/** Replaces the stored registrations with the server's list (call in a transaction). */
export function storeRegisteredKeys(sqlite: Database.Database, keys: readonly RegisteredKey[], fetchedAt: string): void {
  sqlite.prepare('DELETE FROM registered_device_keys').run();
  addRegisteredKey(sqlite, keys, fetchedAt);
}

/** Adds or refreshes registrations (the device's own, answered at sign-in). */
export function addRegisteredKey(sqlite: Database.Database, keys: readonly RegisteredKey[], fetchedAt: string): void {
  const insert = sqlite.prepare(
    `INSERT INTO registered_device_keys (fingerprint, device_id, public_key, user_id, username, display_name, device_name, registered_at, device_revoked_at, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (fingerprint, device_id) DO UPDATE SET public_key = excluded.public_key, user_id = excluded.user_id, username = excluded.username,
       display_name = excluded.display_name, device_name = excluded.device_name, registered_at = excluded.registered_at,
       device_revoked_at = excluded.device_revoked_at, fetched_at = excluded.fetched_at`,
  );
  for (const k of keys)
    insert.run(
      k.fingerprint,
      k.deviceId,
      k.publicKey,
      k.userId,
      k.username,
      k.displayName,
      k.deviceName,
      k.registeredAt,
      k.deviceRevokedAt,
      fetchedAt,
    );
}
