import { describeRoles } from '../../shared/domain/role-access';
import { assetTagAssignmentProblem, issuerOfTag, serverIssuer } from '../../shared/labels/asset-tag';
import { entityWriters, writeScope } from '../../shared/sync/entity-access';
import type { SyncEntity } from '../../shared/sync/entity-registry';
import type { PartitionInfo, WireRow } from '../../shared/sync/wire';
import { parsePartitionKey } from '../../shared/sync/wire';
import type { Principal } from '../http/principal';
import type { Rejection } from './entity-validation';
import type { SyncQueries } from './sync-db';

/**
 * Who may read and write which partition, and which operations a role may push.
 *
 * - administrator: everything.
 * - release manager: the partitions of the deployments listed for them in `deployment_managers`
 *   (creating a deployment makes its author its manager), sites included.
 * - technician: `site:<id>` of the sites whose `technicians` list names them by user id (or, for a
 *   name-only entry, by exactly their username; kept in `site_assignments`, by user id; a display
 *   name never grants anything) and the `deployment:<id>` partitions of
 *   those sites' deployments (the plan they work to). They write only at their sites, only field
 *   work (`up` entities) and the technician columns of `both` entities.
 */

export interface AccessContext {
  principal: Principal;
  /** Release manager: the deployments they manage. */
  managed: Set<string>;
  /** Technician: site id → deployment id of the sites assigned to them. */
  sites: Map<string, string>;
  /** Technician: the asset tag issuers (`D<n>`) of their devices, the only ones their tags may name. */
  tagIssuers?: Set<string>;
}

export async function loadAccess(q: SyncQueries, principal: Principal): Promise<AccessContext> {
  const access: AccessContext = { principal, managed: new Set(), sites: new Map() };
  if (principal.role === 'release_manager') {
    const rows = await q.query<{ deployment_id: string }>('SELECT deployment_id FROM deployment_managers WHERE user_id = $1', [
      principal.userId,
    ]);
    for (const row of rows) access.managed.add(row.deployment_id);
  } else if (principal.role === 'technician') {
    const rows = await q.query<{ site_id: string; deployment_id: string }>(
      'SELECT site_id, deployment_id FROM site_assignments WHERE user_id = $1',
      [principal.userId],
    );
    for (const row of rows) access.sites.set(row.site_id, row.deployment_id);
    const numbers = await q.query<{ number: number }>(
      'SELECT t.number FROM device_tag_numbers t JOIN devices d ON d.id = t.device_id WHERE d.user_id = $1',
      [principal.userId],
    );
    access.tagIssuers = new Set(numbers.map((row) => serverIssuer(Number(row.number))));
  }
  return access;
}

/** Whether the caller may read a partition of `deploymentId`. */
export function mayRead(access: AccessContext, key: string, deploymentId: string): boolean {
  switch (access.principal.role) {
    case 'administrator':
      return true;
    case 'release_manager':
      return access.managed.has(deploymentId);
    case 'technician': {
      const { scope, id } = parsePartitionKey(key);
      if (scope === 'site') return access.sites.has(id);
      return [...access.sites.values()].includes(id);
    }
  }
}

/** Whether the access context may write rows in a partition at all (the sync engine then checks each row). */
export function mayWritePartition(access: AccessContext, key: string, deploymentId: string): boolean {
  switch (access.principal.role) {
    case 'administrator':
      return true;
    case 'release_manager':
      return access.managed.has(deploymentId);
    case 'technician': {
      const { scope, id } = parsePartitionKey(key);
      return scope === 'site' && access.sites.has(id);
    }
  }
}

export async function canReadPartition(db: SyncQueries, principal: Principal, partitionKey: string): Promise<boolean> {
  const rows = await db.query<{ deployment_id: string }>('SELECT deployment_id FROM partitions WHERE key = $1', [partitionKey]);
  const row = rows[0];
  if (!row) return false;
  return mayRead(await loadAccess(db, principal), partitionKey, row.deployment_id);
}

interface PartitionRow {
  key: string;
  deployment_id: string;
  site_id: string | null;
  last_seq: number | string;
  retained_from: number | string;
  label: string;
}

const PARTITION_COLUMNS = 'p.key, p.deployment_id, p.site_id, p.last_seq, p.retained_from, p.label';

/** The partitions the caller may read, in key order. */
export async function readablePartitions(db: SyncQueries, principal: Principal): Promise<PartitionInfo[]> {
  let rows: PartitionRow[];
  if (principal.role === 'administrator') {
    rows = await db.query<PartitionRow>(`SELECT ${PARTITION_COLUMNS} FROM partitions p ORDER BY p.key`);
  } else if (principal.role === 'release_manager') {
    rows = await db.query<PartitionRow>(
      `SELECT ${PARTITION_COLUMNS} FROM partitions p
        WHERE p.deployment_id IN (SELECT deployment_id FROM deployment_managers WHERE user_id = $1) ORDER BY p.key`,
      [principal.userId],
    );
  } else {
    rows = await db.query<PartitionRow>(
      `WITH mine AS (SELECT site_id, deployment_id FROM site_assignments WHERE user_id = $1)
       SELECT ${PARTITION_COLUMNS} FROM partitions p
        WHERE (p.scope = 'site' AND p.site_id IN (SELECT site_id FROM mine))
           OR (p.scope = 'deployment' AND p.deployment_id IN (SELECT deployment_id FROM mine))
        ORDER BY p.key`,
      [principal.userId],
    );
  }
  return rows.map((row) => ({
    partition: row.key,
    deploymentId: row.deployment_id,
    siteId: row.site_id,
    lastSeq: Number(row.last_seq),
    retainedFrom: Number(row.retained_from),
    label: row.label,
  }));
}

export interface WriteRequest {
  entity: SyncEntity;
  kind: 'insert' | 'update' | 'delete';
  partition: string;
  /** The deployment the partition belongs to. */
  deploymentId: string;
  /** The live row on the server (null: absent or deleted). */
  current: WireRow | null;
  /** Whether a document (live or tombstone) exists for the row. */
  everStored: boolean;
  data: WireRow;
}

const forbidden = (reason: string): Rejection => ({ code: 'forbidden', reason });

/**
 * Why the caller may not push this operation, or undefined when they may. A release manager who
 * creates a deployment becomes its manager (recorded in `access.managed` here, written by the push).
 */
export function writeDenial(access: AccessContext, write: WriteRequest): Rejection | undefined {
  const { principal } = access;
  // Which rows the role writes is declared in shared/sync/entity-access.ts; which partitions, here.
  const scopeOfWrite = writeScope(principal.role, write.entity.name);
  if (scopeOfWrite === 'none')
    return forbidden(`Only ${describeRoles(entityWriters(write.entity.name).full)} write ${write.entity.name} rows (the plan)`);
  if (principal.role === 'administrator') return undefined;
  if (principal.role === 'release_manager') {
    if (access.managed.has(write.deploymentId)) return undefined;
    if (write.entity.name === 'deployments' && write.kind === 'insert' && !write.everStored) {
      access.managed.add(write.deploymentId);
      return undefined;
    }
    return forbidden(`You do not manage deployment ${write.deploymentId}`);
  }
  const { scope, id } = parsePartitionKey(write.partition);
  if (scope !== 'site') return forbidden(`Technicians write only at their sites (${write.entity.name} belongs to deployment ${id})`);
  if (!access.sites.has(id)) return forbidden(`You are not assigned to site ${id}`);
  if (scopeOfWrite === 'full') return undefined;

  // Field columns only.
  if (write.kind === 'delete') return forbidden(`Technicians may not delete ${write.entity.name} rows`);
  if (write.kind === 'insert' && !write.current) {
    return write.entity.technicianMayInsert ? undefined : forbidden(`${write.entity.name} rows are created by release managers`);
  }
  if (!write.current) return undefined;
  const allowed = new Set([...(write.entity.technicianColumns ?? []), ...write.entity.key]);
  if (write.entity.name === 'inventory_items' && 'asset_tag' in write.data && write.current['asset_tag'] !== write.data['asset_tag']) {
    const tagRefusal = technicianTagDenial(access, write.current, write.data['asset_tag']);
    if (tagRefusal) return tagRefusal;
    allowed.add('asset_tag');
  }
  const planColumns = Object.keys(write.data).filter((column) => !allowed.has(column) && write.current![column] !== write.data[column]);
  if (planColumns.length > 0)
    return forbidden(`Technicians may not change ${planColumns.join(', ')} of ${write.entity.name} (plan columns)`);
  return undefined;
}

/**
 * A technician's asset tag for an inventory row (issue #14): the shared rule (surplus, no tag yet,
 * Outpost's form), and a tag their own device issued, so no device can take another's numbers.
 */
function technicianTagDenial(access: AccessContext, current: WireRow, tag: unknown): Rejection | undefined {
  const problem = assetTagAssignmentProblem(current, tag);
  if (problem) return forbidden(`Technicians may not set this asset tag: ${problem}`);
  const issuer = issuerOfTag(tag as string);
  if (!issuer || !access.tagIssuers?.has(issuer))
    return forbidden(`Asset tag ${String(tag)} names issuer ${issuer ?? '?'}, which is not one of your devices`);
  return undefined;
}
