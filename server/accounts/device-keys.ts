import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { keyProofMessage, type RegisteredKey, type SigningKeyRegistration } from '../../shared/sync/device-key-wire';
import type { CentralQueries } from '../db/central-db';
import { HttpError } from '../http/http-error';

/**
 * Registered device signing keys (central migration 7). A device proves it holds the private key by
 * signing `keyProofMessage`; a key belongs to one user (the same laptop signed in again as that
 * user registers it for the new device too) and a device never changes its key.
 */

interface KeyRow {
  fingerprint: string;
  public_key: string;
  user_id: string;
  username: string;
  display_name: string;
  device_id: string;
  device_name: string;
  registered_at: Date;
  revoked_at: Date | null;
}

const SELECT_KEYS = `SELECT k.fingerprint, k.public_key, k.user_id::text AS user_id, u.username, u.display_name, k.device_id::text AS device_id,
                            d.name AS device_name, k.registered_at, d.revoked_at
                       FROM device_keys k JOIN devices d ON d.id = k.device_id JOIN users u ON u.id = k.user_id`;

function toRegistered(row: KeyRow): RegisteredKey {
  return {
    fingerprint: row.fingerprint,
    publicKey: row.public_key,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    deviceId: row.device_id,
    deviceName: row.device_name,
    registeredAt: new Date(row.registered_at).toISOString(),
    deviceRevokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}

/** The Ed25519 key of a registration, checked against its fingerprint and proof; refuses (400) anything else. */
function checkedKey(key: SigningKeyRegistration, username: string): KeyObject {
  const der = Buffer.from(key.publicKey, 'base64');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw new HttpError(400, 'invalid_key', 'The signing key is not a readable public key.');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new HttpError(400, 'invalid_key', 'The signing key is not an Ed25519 key.');
  if (`SHA256:${createHash('sha256').update(der).digest('hex')}` !== key.fingerprint)
    throw new HttpError(400, 'invalid_key', 'The signing key does not match its fingerprint.');
  const proof = Buffer.from(key.proof, 'base64');
  if (proof.length !== 64 || !verify(null, Buffer.from(keyProofMessage(username, key.fingerprint), 'utf8'), publicKey, proof)) {
    throw new HttpError(400, 'invalid_key', 'The proof does not verify: the device does not hold this signing key.');
  }
  return publicKey;
}

/**
 * Registers `key` for the device (idempotent). Refused: a device that registered another key
 * (409 `key_changed`), a key registered by another user (409 `key_taken`), a bad key or proof (400).
 */
export async function registerDeviceKey(
  db: CentralQueries,
  owner: { userId: string; username: string; deviceId: string },
  key: SigningKeyRegistration,
): Promise<RegisteredKey> {
  checkedKey(key, owner.username);
  const [own] = await db.query<{ fingerprint: string }>('SELECT fingerprint FROM device_keys WHERE device_id = $1', [owner.deviceId]);
  if (own && own.fingerprint !== key.fingerprint) {
    throw new HttpError(409, 'key_changed', 'This device registered another signing key: sign in again to register a new one.');
  }
  if (!own) {
    const [foreign] = await db.query<{ user_id: string }>(
      'SELECT user_id::text AS user_id FROM device_keys WHERE fingerprint = $1 AND user_id <> $2 LIMIT 1',
      [key.fingerprint, owner.userId],
    );
    if (foreign)
      throw new HttpError(409, 'key_taken', "This device's signing key is registered to another user: a device signs for one account.");
    await db.query(
      'INSERT INTO device_keys (device_id, user_id, fingerprint, public_key) VALUES ($1, $2, $3, $4) ON CONFLICT (device_id) DO NOTHING',
      [owner.deviceId, owner.userId, key.fingerprint, key.publicKey],
    );
  }
  const [row] = await db.query<KeyRow>(`${SELECT_KEYS} WHERE k.device_id = $1`, [owner.deviceId]);
  if (!row || row.fingerprint !== key.fingerprint)
    throw new HttpError(409, 'key_changed', 'This device registered another signing key meanwhile.');
  return toRegistered(row);
}

/** Every registered key with its user and device, oldest first. */
export async function listDeviceKeys(db: CentralQueries): Promise<RegisteredKey[]> {
  const rows = await db.query<KeyRow>(`${SELECT_KEYS} ORDER BY k.registered_at, k.device_id`);
  return rows.map(toRegistered);
}

/** The key the device registered (fingerprint → public key), or none. */
export async function deviceSigningKeys(db: Pick<CentralQueries, 'query'>, deviceId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ fingerprint: string; public_key: string }>(
    'SELECT fingerprint, public_key FROM device_keys WHERE device_id = $1',
    [deviceId],
  );
  return new Map(rows.map((r) => [r.fingerprint, r.public_key]));
}
