import { isAppVersion } from '../../shared/app-updates/app-version';
import type { AppChannel } from '../../shared/app-updates/app-channel';
import type { CentralQueries } from '../db/central-db';

/** The channel an administrator put the device on (stable by default), and its last reported version. */
export async function deviceAppInfo(db: CentralQueries, deviceId: string): Promise<{ channel: AppChannel; version: string | null } | null> {
  const [row] = await db.query<{ app_channel: AppChannel; app_version: string | null }>(
    'SELECT app_channel, app_version FROM devices WHERE id = $1',
    [deviceId],
  );
  return row ? { channel: row.app_channel, version: row.app_version } : null;
}

/** Records the app version a device reports (a header on its requests); ignored when it is not a version. */
export async function recordDeviceAppVersion(db: CentralQueries, deviceId: string, reported: string): Promise<void> {
  if (!isAppVersion(reported)) return;
  await db.query('UPDATE devices SET app_version = $2, app_version_at = now() WHERE id = $1 AND app_version IS DISTINCT FROM $2', [
    deviceId,
    reported,
  ]);
}

/** Puts a device on a channel. False when there is no such device. */
export async function setDeviceAppChannel(db: CentralQueries, deviceId: string, channel: AppChannel): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(deviceId)) return false;
  const [row] = await db.query('UPDATE devices SET app_channel = $2 WHERE id = $1 RETURNING id', [deviceId, channel]);
  return Boolean(row);
}
