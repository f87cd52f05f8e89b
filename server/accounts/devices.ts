import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { CentralQueries } from '../db/central-db';
import type { Principal } from '../http/principal';
import type { Role } from '../../shared/domain/enums';
import type { AppChannel } from '../../shared/app-updates/app-channel';

/**
 * Devices: each sign-in issues one, with a bearer token (32 random bytes, base64url) that is shown
 * once; the server keeps only its SHA-256. A token stays valid until the device is revoked or its
 * user disabled: a laptop may be offline for weeks.
 */

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;
/** last_seen_at is written at most this often per device (no write on every request). */
const LAST_SEEN_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function issueDevice(db: CentralQueries, userId: string, name: string): Promise<{ deviceId: string; token: string }> {
  const deviceId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO devices (id, user_id, name, token_hash, last_seen_at) VALUES ($1, $2, $3, $4, now())', [
    deviceId,
    userId,
    name,
    hashToken(token),
  ]);
  return { deviceId, token };
}

export type AuthResult =
  | { ok: true; principal: Principal; /** the app version the device reported last */ appVersion: string | null }
  | { ok: false; code: 'unauthorized' | 'device_revoked'; message: string };

interface DeviceRow {
  device_id: string;
  device_name: string;
  revoked_at: Date | null;
  last_seen_at: Date | null;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled_at: Date | null;
  app_version: string | null;
}

export async function authenticateToken(db: CentralQueries, token: string): Promise<AuthResult> {
  const unknown: AuthResult = { ok: false, code: 'unauthorized', message: 'Sign in again: this device is not known to the server.' };
  if (!TOKEN_FORMAT.test(token)) return unknown;
  const [row] = await db.query<DeviceRow>(
    `SELECT d.id AS device_id, d.name AS device_name, d.revoked_at, d.last_seen_at,
            u.id AS user_id, u.username, u.display_name, u.role, u.disabled_at, d.app_version
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE d.token_hash = $1`,
    [hashToken(token)],
  );
  if (!row) return unknown;
  if (row.revoked_at)
    return {
      ok: false,
      code: 'device_revoked',
      message: 'This device was signed out or revoked: sign in again. Your unsent changes are kept.',
    };
  if (row.disabled_at) return { ok: false, code: 'unauthorized', message: 'This account is disabled: ask an administrator.' };
  if (!row.last_seen_at || Date.now() - row.last_seen_at.getTime() > LAST_SEEN_EVERY_MS) {
    await db.query(
      "UPDATE devices SET last_seen_at = now() WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')",
      [row.device_id],
    );
  }
  return {
    ok: true,
    appVersion: row.app_version,
    principal: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      deviceId: row.device_id,
      deviceName: row.device_name,
    },
  };
}

export interface DeviceInfo {
  id: string;
  name: string;
  username: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
  appChannel: AppChannel;
  appVersion: string | null;
}

export async function listDevices(db: CentralQueries, filter: { username?: string } = {}): Promise<DeviceInfo[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    username: string;
    created_at: Date;
    last_seen_at: Date | null;
    revoked_at: Date | null;
    app_channel: AppChannel;
    app_version: string | null;
  }>(
    `SELECT d.id, d.name, u.username, d.created_at, d.last_seen_at, d.revoked_at, d.app_channel, d.app_version
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE $1::text IS NULL OR u.username = $1::text
      ORDER BY u.username, d.created_at`,
    [filter.username ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    username: r.username,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    revokedAt: r.revoked_at,
    appChannel: r.app_channel,
    appVersion: r.app_version,
  }));
}

/** Revokes a device (idempotent). False when there is no such device. */
export async function revokeDevice(db: CentralQueries, deviceId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(deviceId)) return false;
  const [row] = await db.query<{ id: string }>('UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id', [
    deviceId,
  ]);
  return Boolean(row);
}
