import { parseArgs } from 'node:util';
import { blobSettingsFromEnv } from '../blobs/blob-policy';
import { purgeBlobs } from '../blobs/blob-purge';
import type { CentralDb } from '../db/central-db';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const PURGE_BLOBS_USAGE =
  'outpost server purge-blobs [--grace-hours N]   (attachments no synced row references for N hours, default OUTPOST_BLOB_GRACE_HOURS or 168)';

/** `outpost server purge-blobs`: the server's periodic attachment purge, run now. */
export async function purgeBlobsCommand(
  args: string[],
  io: Io,
  withDb: <T>(dataDir: string | undefined, fn: (db: CentralDb) => Promise<T>) => Promise<T>,
): Promise<number> {
  const { values } = parseArgs({ args, options: { 'grace-hours': { type: 'string' }, 'data-dir': { type: 'string' } }, strict: true });
  const hours = values['grace-hours'] === undefined ? blobSettingsFromEnv().graceMs / 3_600_000 : Number(values['grace-hours']);
  if (!Number.isFinite(hours) || hours < 0) {
    io.err('--grace-hours must be a number of hours, 0 or more.');
    return 2;
  }
  const result = await withDb(values['data-dir'], (db) => purgeBlobs(db, { graceMs: hours * 3_600_000 }));
  io.out(
    `purged ${result.purged} unreferenced attachments (${result.purgedBytes} bytes) older than ${hours} h; ${result.unreferenced} unreferenced still in their grace period`,
  );
  return 0;
}
