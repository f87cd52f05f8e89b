import { canReadPartition } from '../sync/access-rules';
import type { CentralDb } from '../db/central-db';
import type { Principal } from '../http/principal';

/** Whether the caller may read a partition that references a blob: the sync engine's read rule. */
export function canReadBlobPartition(db: CentralDb, principal: Principal, partition: string): Promise<boolean> {
  return canReadPartition(db, principal, partition);
}
