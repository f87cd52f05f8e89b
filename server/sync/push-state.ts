import type { SiteTechnician } from '../../shared/domain/site-technician';
import type { OperationResult, WireRow } from '../../shared/sync/wire';
import type { ColumnWrites } from './column-writes';

/** The database state a push batch reads, and the writes its plan produces (push-planner.ts). */

export const docKey = (entity: string, rowId: string): string => `${entity}\u0000${rowId}`;

export interface StoredDoc {
  entity: string;
  rowId: string;
  partition: string;
  version: number;
  deleted: boolean;
  data: WireRow | null;
  updatedByDevice: string | null;
  /** Who last wrote each column (column-writes.ts); null for rows stored before it was kept. */
  writes: ColumnWrites | null;
}

export interface StoredPartition {
  key: string;
  scope: 'deployment' | 'site';
  deploymentId: string;
  siteId: string | null;
  label: string;
}

export interface RecordedOp {
  deviceId: string;
  status: 'applied' | 'rejected';
  version: number | null;
  code: string | null;
  reason: string | null;
}

export interface OpRecord {
  op_id: string;
  entity: string;
  row_id: string;
  status: 'applied' | 'rejected';
  version: number | null;
  code: string | null;
  reason: string | null;
}

export interface OverwriteRecord {
  entity: string;
  row_id: string;
  partition: string;
  column_name: string;
  replaced_value: unknown;
  replaced_version: number;
  new_value: unknown;
  op_id: string;
}

export interface PushPlan {
  results: OperationResult[];
  /** applied_ops rows to insert (applied and rejected operations; never duplicates or foreign ids). */
  opRecords: OpRecord[];
  /** Final state of every row the batch changed, in the order of each row's first change. */
  changed: Map<string, StoredDoc>;
  /** Partitions the batch creates. */
  newPartitions: Map<string, StoredPartition>;
  /** New labels of partitions whose site or deployment row changed. */
  labels: Map<string, string>;
  overwrites: OverwriteRecord[];
  /** `sha256 \0 partition` pairs. */
  blobRefs: Set<string>;
  /** Site id → its technicians now (null: the site was deleted). */
  siteAssignments: Map<string, { deploymentId: string; technicians: SiteTechnician[] } | null>;
  /** Deployments whose creator (a release manager) becomes their manager. */
  newManagers: Set<string>;
}

export function emptyPlan(): PushPlan {
  return {
    results: [],
    opRecords: [],
    changed: new Map(),
    newPartitions: new Map(),
    labels: new Map(),
    overwrites: [],
    blobRefs: new Set(),
    siteAssignments: new Map(),
    newManagers: new Set(),
  };
}
