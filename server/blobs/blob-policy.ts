/**
 * What the server does with attachments beyond storing them: the media types it serves as such,
 * the per-device upload quota and how long an unreferenced blob is kept (docs/server.md).
 */

/** Served with their own media type; anything else is served as `application/octet-stream`. */
export const SERVED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/pdf',
  'application/json',
]);

/** The media type a download is served with: the stored one when it is on the allow-list. */
export function servedMediaType(stored: string): string {
  const type = stored.split(';')[0]!.trim().toLowerCase();
  return SERVED_MEDIA_TYPES.has(type) ? type : 'application/octet-stream';
}

export interface BlobSettings {
  /** Bytes of attachments one device may have started uploading and not yet purged. */
  quotaBytes: number;
  /** How long a blob no synced row references is kept before it is purged. */
  graceMs: number;
  /** How often the server purges unreferenced blobs by itself (0: only `outpost server purge-blobs`). */
  purgeIntervalMs: number;
}

const MB = 1024 * 1024;
const HOUR = 60 * 60 * 1000;

export const DEFAULT_BLOB_SETTINGS: BlobSettings = { quotaBytes: 2048 * MB, graceMs: 168 * HOUR, purgeIntervalMs: 1 * HOUR };

function positive(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more (got "${raw}")`);
  return value;
}

/**
 * Settings from the environment: `OUTPOST_BLOB_QUOTA_MB` (default 2048), `OUTPOST_BLOB_GRACE_HOURS`
 * (default 168, a week) and `OUTPOST_BLOB_PURGE_INTERVAL_MINUTES` (default 60; 0 turns it off).
 */
export function blobSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BlobSettings {
  const quota = positive(env.OUTPOST_BLOB_QUOTA_MB, 'OUTPOST_BLOB_QUOTA_MB');
  const grace = positive(env.OUTPOST_BLOB_GRACE_HOURS, 'OUTPOST_BLOB_GRACE_HOURS');
  const interval = positive(env.OUTPOST_BLOB_PURGE_INTERVAL_MINUTES, 'OUTPOST_BLOB_PURGE_INTERVAL_MINUTES');
  return {
    quotaBytes: quota === undefined ? DEFAULT_BLOB_SETTINGS.quotaBytes : Math.floor(quota * MB),
    graceMs: grace === undefined ? DEFAULT_BLOB_SETTINGS.graceMs : grace * HOUR,
    purgeIntervalMs: interval === undefined ? DEFAULT_BLOB_SETTINGS.purgeIntervalMs : interval * 60 * 1000,
  };
}
