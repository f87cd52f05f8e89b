import type { Principal } from '../http/principal';
import { loadAccess, mayRead, mayWritePartition, type AccessContext } from '../sync/access-rules';
import type { SyncQueries } from '../sync/sync-db';

/**
 * Who may download a blob (and see its upload status):
 * - the device that holds it (uploaded its bytes), or
 * - a caller who may read a partition whose row references it, where that reference was made by a
 *   device holding the bytes and allowed to write the partition (checked when the row was pushed,
 *   recorded in `blob_refs.device_id`; a reference stored before that column existed counts when
 *   the blob's first uploader may write the partition now).
 * Knowing a hash is never enough.
 */

/** Whether this device holds the blob's bytes (a complete upload or proof of its own). */
export async function holdsBlob(db: SyncQueries, deviceId: string, sha256: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM blob_holders WHERE sha256 = $1 AND device_id = $2 AND complete', [sha256, deviceId]);
  return rows.length > 0;
}

async function deviceAccess(db: SyncQueries, deviceId: string): Promise<AccessContext | null> {
  const [row] = await db.query<{ user_id: string; username: string; display_name: string; role: Principal['role']; name: string }>(
    'SELECT u.id::text AS user_id, u.username, u.display_name, u.role, d.name FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = $1',
    [deviceId],
  );
  if (!row) return null;
  return loadAccess(db, {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    deviceId,
    deviceName: row.name,
  });
}

export async function mayDownloadBlob(db: SyncQueries, principal: Principal, sha256: string): Promise<boolean> {
  if (await holdsBlob(db, principal.deviceId, sha256)) return true;
  const refs = await db.query<{ partition: string; deployment_id: string; device_id: string | null; uploaded_by: string | null }>(
    `SELECT r.partition, p.deployment_id, r.device_id::text AS device_id, b.uploaded_by_device::text AS uploaded_by
       FROM blob_refs r JOIN partitions p ON p.key = r.partition JOIN blobs b ON b.sha256 = r.sha256
      WHERE r.sha256 = $1 AND b.complete`,
    [sha256],
  );
  if (refs.length === 0) return false;
  const access = await loadAccess(db, principal);
  let uploader: AccessContext | null | undefined;
  for (const ref of refs) {
    if (!mayRead(access, ref.partition, ref.deployment_id)) continue;
    if (ref.device_id) return true;
    if (!ref.uploaded_by) continue;
    uploader ??= await deviceAccess(db, ref.uploaded_by);
    if (uploader && mayWritePartition(uploader, ref.partition, ref.deployment_id)) return true;
  }
  return false;
}

/**
 * For a push: the blobs of `shas` this device may reference in a partition, as "sha\0partition"
 * keys plus the shas it holds (any partition).
 */
export async function referenceableBlobs(
  db: SyncQueries,
  deviceId: string,
  shas: readonly string[],
): Promise<(sha256: string, partition: string) => boolean> {
  if (shas.length === 0) return () => true;
  const held = await db.query<{ sha256: string }>(
    'SELECT sha256 FROM blob_holders WHERE device_id = $1 AND complete AND sha256 IN (SELECT jsonb_array_elements_text($2::jsonb))',
    [deviceId, JSON.stringify(shas)],
  );
  const refs = await db.query<{ sha256: string; partition: string }>(
    'SELECT sha256, partition FROM blob_refs WHERE sha256 IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(shas)],
  );
  const heldSet = new Set(held.map((r) => r.sha256));
  const refSet = new Set(refs.map((r) => `${r.sha256}\u0000${r.partition}`));
  return (sha256, partition) => heldSet.has(sha256) || refSet.has(`${sha256}\u0000${partition}`);
}
