import type Database from 'better-sqlite3';
import { keyValuesOf, syncEntity, type SyncEntity } from '../../shared/sync/entity-registry';
import type { Change, WireRow } from '../../shared/sync/wire';
import { createLogger } from '../logging/logger';
import { InventoryCountDeltas } from './inventory-count-deltas';
import { hasPendingOperation } from './outbox-store';
import { ident, NOW_SQL } from './sql-names';
import { withRefusalTriggersLifted } from './refusal-triggers';
import { makeRoomForPulledRow } from './unique-clashes';
import { SyncError } from './sync-error';

const log = createLogger('sync.apply');

export interface ApplyOptions {
  /** While loading a snapshot: every row id the server still has, per entity. */
  seen?: Map<string, Set<string>>;
}

/**
 * Applies pulled changes to the local tables. Call inside the page's transaction: sets the guard
 * row (nothing is captured) and defers foreign keys to the commit (pull.ts stores pages with them
 * off: a parent may come in a later page). A row with pending local
 * changes is left alone (the push echoes back and converges it); append-only rows are only
 * inserted; tombstones delete. A pulled deployment row makes the deployment sync from now on.
 */
export function applyChanges(sqlite: Database.Database, changes: readonly Change[], options: ApplyOptions = {}): number {
  const pending = hasPendingOperation(sqlite);
  const statements = new StatementCache(sqlite);
  sqlite.pragma('defer_foreign_keys = ON');
  sqlite.prepare('INSERT INTO sync_apply_guard (id) VALUES (1) ON CONFLICT(id) DO NOTHING').run();
  const counts = new InventoryCountDeltas(sqlite);
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
      try {
        const counted = entity.name === 'inventory_items';
        const before = counted ? counts.current(change.rowId) : undefined;
        if (change.deleted) statements.remove(entity, change.rowId);
        else upsertMakingRoom(sqlite, statements, entity, change, pending);
        if (counted) counts.change(before, counts.current(change.rowId));
      } catch (error) {
        throw new SyncError('conflict', `A change from the server could not be stored here (${entity.name} ${change.rowId})`, (error as Error).message);
      }
      statements.version(entity.name, change.rowId, change.version);
      if (entity.name === 'deployments' && !change.deleted) {
        sqlite.prepare(`INSERT INTO sync_scopes (deployment_id, source, since) VALUES (?, 'pulled', ${NOW_SQL}) ON CONFLICT(deployment_id) DO NOTHING`).run(change.rowId);
      }
      applied += 1;
    }
    counts.finish();
  } finally {
    sqlite.prepare('DELETE FROM inventory_counts_deferred').run();
    sqlite.prepare('DELETE FROM sync_apply_guard').run();
  }
  return applied;
}

function upsertMakingRoom(sqlite: Database.Database, statements: StatementCache, entity: SyncEntity, change: Change, pending: (e: string, r: string) => boolean): void {
  try {
    statements.upsert(entity, change);
  } catch (error) {
    const unique = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
    if (!unique || !change.data || !makeRoomForPulledRow(sqlite, entity, { ...change.data, ...keyValuesOf(entity, change.rowId) } as WireRow, pending)) throw error;
    statements.upsert(entity, change);
  }
}

function seenSet(seen: Map<string, Set<string>>, entity: string): Set<string> {
  let set = seen.get(entity);
  if (!set) {
    set = new Set();
    seen.set(entity, set);
  }
  return set;
}

class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly sqlite: Database.Database) {}

  private get(key: string, sql: () => string): Database.Statement {
    let statement = this.cache.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(sql());
      this.cache.set(key, statement);
    }
    return statement;
  }

  upsert(entity: SyncEntity, change: Change): void {
    const keys = keyValuesOf(entity, change.rowId);
    if (!keys) throw new Error(`bad row id ${change.rowId}`);
    const data = { ...(change.data ?? {}), ...keys };
    const columns = Object.keys(entity.columns).filter((c) => c in data);
    const values = columns.map((c) => data[c] ?? null);
    const table = ident(entity.name);
    const sql = () => {
      const insert = `INSERT INTO ${table} (${columns.map(ident).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT(${entity.key.map(ident).join(', ')})`;
      const others = columns.filter((c) => !entity.key.includes(c));
      if (entity.appendOnly || others.length === 0) return `${insert} DO NOTHING`;
      const set = others.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ');
      const differs = others.map((c) => `${table}.${ident(c)} IS NOT excluded.${ident(c)}`).join(' OR ');
      return `${insert} DO UPDATE SET ${set} WHERE ${differs}`;
    };
    const written = this.get(`upsert:${entity.name}:${columns.join(',')}`, sql).run(...values).changes;
    if (written === 0 && entity.appendOnly) this.followServerCopy(entity, columns, values, keys);
  }

  /**
   * An append-only row arrives that exists here with other content: the server renumbered it (an
   * issue event's `seq` taken twice offline). The server's copy wins; it is the only way such a
   * row changes.
   */
  private followServerCopy(entity: SyncEntity, columns: string[], values: unknown[], keys: Record<string, unknown>): void {
    const table = ident(entity.name);
    const where = entity.key.map((k) => `${ident(k)} = ?`).join(' AND ');
    const keyValues = entity.key.map((k) => keys[k]);
    const others = columns.filter((c) => !entity.key.includes(c));
    if (others.length === 0) return;
    const differs = this.get(`differs:${entity.name}:${others.join(',')}`, () => `SELECT 1 FROM ${table} WHERE ${where} AND NOT (${others.map((c) => `${ident(c)} IS ?`).join(' AND ')})`).get(
      ...keyValues,
      ...others.map((c) => values[columns.indexOf(c)]),
    );
    if (!differs) return;
    withRefusalTriggersLifted(this.sqlite, entity.name, () =>
      this.sqlite.prepare(`UPDATE ${table} SET ${others.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${where}`).run(...others.map((c) => values[columns.indexOf(c)]), ...keyValues),
    );
  }

  remove(entity: SyncEntity, rowId: string): void {
    if (entity.appendOnly) return; // append-only rows are never removed
    const keys = keyValuesOf(entity, rowId);
    if (!keys) throw new Error(`bad row id ${rowId}`);
    this.get(`delete:${entity.name}`, () => `DELETE FROM ${ident(entity.name)} WHERE ${entity.key.map((k) => `${ident(k)} = ?`).join(' AND ')}`).run(
      ...entity.key.map((k) => keys[k]),
    );
  }

  version(entity: string, rowId: string, version: number): void {
    this.get(
      'version',
      () => 'INSERT INTO sync_row_versions (entity, row_id, version) VALUES (?, ?, ?) ON CONFLICT(entity, row_id) DO UPDATE SET version = excluded.version',
    ).run(entity, rowId, version);
  }
}
