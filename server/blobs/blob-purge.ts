import type { FastifyInstance } from 'fastify';
import { blobColumnSqlCondition } from '../../shared/sync/blob-refs';
import { SYNC_ENTITIES } from '../../shared/sync/entity-registry';
import type { CentralDb } from '../db/central-db';
import type { BlobSettings } from './blob-policy';

/** Blobs that are desktop release files (`outpost server app-release add`): never purged. */
const RELEASE_BLOBS = 'SELECT sha256 FROM app_release_files';

/**
 * Purges attachments no live synced row references: `blob_refs` is brought in line with the rows
 * as they are now (a deleted row, or one whose attachment column changed, no longer references its
 * old blob), a blob without references is marked `unreferenced_since` (a new upload is unreferenced
 * from its start until a pushed row names it), and one that stayed so for the grace period is
 * deleted with its chunks. Incomplete uploads older than the grace period go the same way.
 */
export interface PurgeBlobsResult {
  purged: number;
  purgedBytes: number;
  unreferenced: number;
}

function liveRefsSql(): string {
  const parts: string[] = [];
  for (const entity of SYNC_ENTITIES) {
    for (const column of entity.blobColumns ?? []) {
      const when = blobColumnSqlCondition(entity, column, (c) => `data->>'${c}'`);
      parts.push(
        `SELECT data->>'${column}' AS sha256, partition FROM docs WHERE entity = '${entity.name}' AND NOT deleted AND data->>'${column}' IS NOT NULL${when}`,
      );
    }
  }
  return parts.length > 0 ? parts.join(' UNION ') : 'SELECT NULL::text AS sha256, NULL::text AS partition WHERE false';
}

export async function purgeBlobs(db: CentralDb, options: { graceMs: number; now?: Date }): Promise<PurgeBlobsResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.graceMs);
  return db.transaction(async (tx) => {
    // One purge at a time (several server processes may share a PostgreSQL database).
    await tx.query('LOCK TABLE blob_refs IN SHARE ROW EXCLUSIVE MODE');
    await tx.query(
      `DELETE FROM blob_refs r WHERE NOT EXISTS (SELECT 1 FROM (${liveRefsSql()}) live WHERE live.sha256 = r.sha256 AND live.partition = r.partition)`,
    );
    await tx.query(
      'UPDATE blobs SET unreferenced_since = NULL WHERE unreferenced_since IS NOT NULL AND sha256 IN (SELECT sha256 FROM blob_refs)',
    );
    await tx.query(
      `UPDATE blobs SET unreferenced_since = $1 WHERE unreferenced_since IS NULL AND sha256 NOT IN (SELECT sha256 FROM blob_refs) AND sha256 NOT IN (${RELEASE_BLOBS})`,
      [now.toISOString()],
    );
    const purged = await tx.query<{ size: string | number }>(
      `DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM blob_refs) AND sha256 NOT IN (${RELEASE_BLOBS})
          AND ((unreferenced_since IS NOT NULL AND unreferenced_since <= $1) OR (NOT complete AND created_at <= $1))
        RETURNING size`,
      [cutoff.toISOString()],
    );
    const [left] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM blobs WHERE unreferenced_since IS NOT NULL');
    return { purged: purged.length, purgedBytes: purged.reduce((sum, row) => sum + Number(row.size), 0), unreferenced: left?.n ?? 0 };
  });
}

/** The server's own purge every `purgeIntervalMs` (off at 0); stopped when the app closes. */
export function startBlobPurgeTimer(app: FastifyInstance, db: CentralDb, settings: BlobSettings): void {
  if (settings.purgeIntervalMs <= 0) return;
  const timer = setInterval(() => {
    purgeBlobs(db, { graceMs: settings.graceMs }).then(
      (result) => {
        if (result.purged > 0) app.log.info(result, 'unreferenced attachments purged');
      },
      (error: unknown) => app.log.warn({ err: error }, 'attachment purge failed; the next run tries again'),
    );
  }, settings.purgeIntervalMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
