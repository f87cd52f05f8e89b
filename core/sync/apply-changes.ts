import type Database from 'better-sqlite3';
import { keyValuesOf, syncEntity, valueFitsColumn, type SyncColumnType, type SyncEntity } from '../../shared/sync/entity-registry';
import { rowViolations } from '../../shared/sync/row-rules';
import type { WireRow } from '../../shared/sync/wire';
import { cachedStatement } from '../db/statement-cache';
import { createLogger } from '../logging/logger';
import { blobsOfRow } from './blobs';
import { InventoryPage } from './inventory-page';
import { hasPendingOperation } from './outbox-store';
import type { PulledChange } from './pulled-page';
import { QuarantineStore } from './quarantine-store';
import { withRefusalTriggersLifted } from './refusal-triggers';
import { columnsIn, deleteStatement, differsStatement, updateStatement, upsertStatement } from './row-sql';
import { NOW_SQL } from './sql-names';
import { makeRoomForPulledRow } from './unique-clashes';

const log = createLogger('sync.apply');

export interface ApplyOptions {
  /** The partition the page came from (named in quarantine entries). */
  partition: string;
  /** While loading a snapshot: every row id the server still has, per entity. */
  seen?: Map<string, Set<string>>;
  /**
   * Each row in its own savepoint; a row the database refuses goes to the quarantine and the rest
   * of the page is stored. Only after a first attempt threw `RowNotStored`, so the usual page pays
   * nothing for it.
   */
  isolateRows?: boolean;
  /** Attachments the server would not give (SHA-256 → why): rows naming one wait in the quarantine. */
  unavailableBlobs?: ReadonlyMap<string, string>;
}

/** A row of the page could not be stored: roll the page back and store it again with `isolateRows`. */
export class RowNotStored extends Error {
  constructor(
    readonly entity: string,
    readonly rowId: string,
    override readonly cause: unknown,
  ) {
    super(`${entity} ${rowId} could not be stored: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'RowNotStored';
  }
}

/**
 * Applies pulled changes to the local tables. Call inside the page's transaction: sets the guard
 * row (nothing is captured) and defers foreign keys to the commit (pull.ts stores pages with them
 * off: a parent may come in a later page). A row with pending local changes is left alone (the push
 * echoes back and converges it); append-only rows are only inserted; tombstones delete. A pulled
 * deployment row makes the deployment sync from now on. A row whose key or values do not fit this
 * device's columns goes to the quarantine at once (nothing was written for it); one the database
 * refuses throws `RowNotStored`, or with `isolateRows` goes to the quarantine too.
 */
export function applyChanges(sqlite: Database.Database, changes: readonly PulledChange[], options: ApplyOptions): number {
  const pending = hasPendingOperation(sqlite);
  const quarantine = new QuarantineStore(sqlite);
  sqlite.pragma('defer_foreign_keys = ON');
  cachedStatement(sqlite, 'INSERT INTO sync_apply_guard (id) VALUES (1) ON CONFLICT(id) DO NOTHING').run();
  // Set aside before any per-row savepoint (whose rollback would bring the triggers back).
  const inventory = changes.some((c) => c.entity === 'inventory_items') ? new InventoryPage(sqlite) : null;
  const context: RowContext = {
    sqlite,
    pending,
    inventory,
    version: cachedStatement(
      sqlite,
      'INSERT INTO sync_row_versions (entity, row_id, version) VALUES (?, ?, ?) ON CONFLICT(entity, row_id) DO UPDATE SET version = excluded.version',
    ),
  };
  const isolated = options.isolateRows ? sqlite.transaction((store: () => void) => store()) : null; // nested: a SAVEPOINT
  let applied = 0;
  try {
    for (const change of changes) {
      const entity = syncEntity(change.entity);
      if (!entity) {
        log.warn('pulled change of an entity this version does not know', { entity: change.entity });
        continue;
      }
      if (!change.deleted && options.seen) seenSet(options.seen, entity.name).add(change.rowId);
      if (pending(entity.name, change.rowId)) continue;
      const keys = keyValuesOf(entity, change.rowId);
      const unfit = keys
        ? unfitRow(entity, change)
        : `the row id ${JSON.stringify(change.rowId).slice(0, 80)} is not a key of ${entity.name}`;
      if (unfit || !keys) {
        quarantine.put({
          entity: entity.name,
          rowId: change.rowId,
          partition: options.partition,
          version: change.version,
          data: change.data,
          reason: unfit ?? 'bad row id',
        });
        continue;
      }
      const waiting =
        options.unavailableBlobs?.size && entity.blobColumns && !change.deleted
          ? blobsOfRow(entity.name, change.data, options.unavailableBlobs)
          : [];
      if (waiting.length > 0) {
        quarantine.put({
          entity: entity.name,
          rowId: change.rowId,
          partition: options.partition,
          version: change.version,
          data: change.data,
          reason: options.unavailableBlobs!.get(waiting[0]!)!,
        });
        continue;
      }
      const store = () => storeRow(context, entity, change, keys);
      if (isolated) {
        try {
          isolated(store);
        } catch (error) {
          const reason = refusalReason(entity, change, error);
          log.warn('pulled row quarantined', { entity: entity.name, rowId: change.rowId, partition: options.partition, reason });
          quarantine.put({
            entity: entity.name,
            rowId: change.rowId,
            partition: options.partition,
            version: change.version,
            data: change.data,
            reason,
          });
          continue;
        }
      } else {
        try {
          store();
        } catch (error) {
          throw new RowNotStored(entity.name, change.rowId, error);
        }
      }
      quarantine.cleared(entity.name, change.rowId);
      applied += 1;
    }
    inventory?.finish();
  } finally {
    if (sqlite.inTransaction) inventory?.putTriggersBack(); // after a failure (the rollback follows): nothing else to write
    cachedStatement(sqlite, 'DELETE FROM sync_apply_guard').run();
  }
  return applied;
}

interface RowContext {
  sqlite: Database.Database;
  pending: (entity: string, rowId: string) => boolean;
  /** Set when the page holds inventory rows. */
  inventory: InventoryPage | null;
  version: Database.Statement;
}

/** Everything one pulled row writes; an inventory row's change is noted last, once nothing can fail. */
function storeRow(context: RowContext, entity: SyncEntity, change: PulledChange, keys: Record<string, unknown>): void {
  const { sqlite } = context;
  const inventory = entity.name === 'inventory_items' ? context.inventory : null;
  const before = inventory?.current(change.rowId);
  if (change.deleted) {
    if (!entity.appendOnly) deleteStatement(sqlite, entity).run(...entity.key.map((k) => keys[k])); // append-only rows are never removed
  } else {
    upsertMakingRoom(sqlite, entity, { ...(change.data as WireRow), ...keys } as WireRow, context.pending);
  }
  context.version.run(entity.name, change.rowId, change.version);
  if (entity.name === 'deployments' && !change.deleted) {
    cachedStatement(
      sqlite,
      `INSERT INTO sync_scopes (deployment_id, source, since) VALUES (?, 'pulled', ${NOW_SQL}) ON CONFLICT(deployment_id) DO NOTHING`,
    ).run(change.rowId);
  }
  if (inventory) inventory.change(change.rowId, before, inventory.current(change.rowId));
}

/**
 * Why a pulled row (whose id is its key) cannot even be offered to the database: a live row without
 * data, a value of the wrong type (SQLite would store a string in an INTEGER column). Null
 * when it fits. Unknown columns are ignored (a newer server).
 */
function unfitRow(entity: SyncEntity, change: PulledChange): string | null {
  if (change.deleted) return null;
  const data = change.data;
  if (!data) return 'the server sent a live row without data';
  for (const [column, type] of columnTypes(entity)) {
    const value = data[column];
    if (value !== undefined && !valueFitsColumn(type, value))
      return rowViolations(entity.name, data).join('; ') || `${entity.name}.${column} has a value of the wrong type`;
  }
  return null;
}

const typesOf = new Map<string, [string, SyncColumnType][]>();

function columnTypes(entity: SyncEntity): [string, SyncColumnType][] {
  let types = typesOf.get(entity.name);
  if (!types) {
    types = Object.entries(entity.columns);
    typesOf.set(entity.name, types);
  }
  return types;
}

/** The declared rules a refused row breaks, else what SQLite said (a trigger, a UNIQUE clash). */
function refusalReason(entity: SyncEntity, change: PulledChange, error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  if (change.deleted || !change.data) return message;
  const violations = rowViolations(entity.name, { ...change.data, ...keyValuesOf(entity, change.rowId) });
  return violations.length > 0 ? violations.join('; ') : message;
}

function upsertMakingRoom(sqlite: Database.Database, entity: SyncEntity, data: WireRow, pending: (e: string, r: string) => boolean): void {
  const columns = columnsIn(entity, data);
  const values = columns.map((c) => data[c] ?? null);
  const upsert = () => {
    const written = upsertStatement(sqlite, entity, columns, entity.appendOnly).run(...values).changes;
    if (written === 0 && entity.appendOnly) followServerCopy(sqlite, entity, columns, values, data);
  };
  try {
    upsert();
  } catch (error) {
    const unique = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
    if (!unique || !makeRoomForPulledRow(sqlite, entity, data, pending)) throw error;
    upsert();
  }
}

/**
 * An append-only row arrives that exists here with other content: the server renumbered it (an
 * issue event's `seq` taken twice offline). The server's copy wins; it is the only way such a row
 * changes.
 */
function followServerCopy(
  sqlite: Database.Database,
  entity: SyncEntity,
  columns: string[],
  values: unknown[],
  keys: Record<string, unknown>,
): void {
  const keyValues = entity.key.map((k) => keys[k]);
  const others = columns.filter((c) => !entity.key.includes(c));
  if (others.length === 0) return;
  const otherValues = others.map((c) => values[columns.indexOf(c)]);
  if (!differsStatement(sqlite, entity, others).get(...keyValues, ...otherValues)) return;
  // Lifting the refusal triggers changes the schema; SQLite prepares the cached statement again by itself.
  withRefusalTriggersLifted(sqlite, entity.name, () => updateStatement(sqlite, entity, others).run(...otherValues, ...keyValues));
}

function seenSet(seen: Map<string, Set<string>>, entity: string): Set<string> {
  let set = seen.get(entity);
  if (!set) {
    set = new Set();
    seen.set(entity, set);
  }
  return set;
}
