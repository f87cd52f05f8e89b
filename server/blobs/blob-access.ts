import type { CentralDb } from '../db/central-db';
import type { Principal } from '../http/principal';

/**
 * Whether the caller may read a partition that references a blob. Until the sync engine's access
 * rules (server/sync/access-rules.ts) are wired in here, only the uploading device may read a blob.
 */
export async function canReadBlobPartition(_db: CentralDb, _principal: Principal, _partition: string): Promise<boolean> {
  return false;
}
