import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SYNC_ENTITIES, type SyncEntity } from '../../shared/sync/entity-registry';
import { createLogger } from '../logging/logger';
import { columnsOf, placementSql, rowIdSql, rowJsonSql } from './partition-sql';
import { ident, literal, NOW_SQL, UUID7_SQL } from './sql-names';

const log = createLogger('sync.capture');
const PREFIX = 'sync_capture_';

/**
 * Change capture: for every synced entity, AFTER INSERT / UPDATE / DELETE triggers that write an
 * outbox entry in the same transaction as the change. Derived from the entity registry, so adding
 * an entity there is all it takes. Nothing is captured while pulled changes are applied (a row in
 * `sync_apply_guard`) or for a deployment that does not sync (not in `sync_scopes`: the sample
 * deployment, drafts never published). Rows whose parent row is already gone (a cascade) have no
 * deployment and are not captured: the parent's own delete travels.
 */
export function captureTriggerSql(entity: SyncEntity, schemaVersion: number): string[] {
  const columns = columnsOf(entity);
  const table = ident(entity.name);
  const name = (kind: string) => ident(`${PREFIX}${entity.name}_${kind}`);
  const guard = (ref: string) =>
    `NOT EXISTS (SELECT 1 FROM sync_apply_guard) AND ${placementSql(entity, ref).deployment} IN (SELECT deployment_id FROM sync_scopes)`;
  const outboxInsert = (kind: string, ref: string, data: string) => {
    const rowId = rowIdSql(entity, ref);
    return (
      `INSERT INTO sync_outbox (op_id, entity, row_id, kind, partition, base_version, schema_version, data, created_at) VALUES (` +
      `${UUID7_SQL}, ${literal(entity.name)}, ${rowId}, '${kind}', ${placementSql(entity, ref).partition}, ` +
      `COALESCE((SELECT version FROM sync_row_versions WHERE entity = ${literal(entity.name)} AND row_id = ${rowId}), 0), ` +
      `${schemaVersion}, ${data}, ${NOW_SQL});`
    );
  };
  const nonKey = columns.filter((c) => !entity.key.includes(c));
  const unchanged = (c: string) => `OLD.${ident(c)} IS NEW.${ident(c)}`;
  const changedOnly =
    nonKey.length === 0
      ? rowJsonSql(columns, 'NEW')
      : `json_remove(${rowJsonSql(columns, 'NEW')}, ${nonKey.map((c) => `CASE WHEN ${unchanged(c)} THEN ${literal(`$.${c}`)} ELSE '$.__keep' END`).join(', ')})`;
  return [
    `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${table} WHEN ${guard('NEW')}\nBEGIN ${outboxInsert('insert', 'NEW', rowJsonSql(columns, 'NEW'))} END;`,
    `CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${table} WHEN NOT (${columns.map(unchanged).join(' AND ')}) AND ${guard('NEW')}\n` +
      `BEGIN ${outboxInsert('update', 'NEW', changedOnly)} END;`,
    `CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${table} WHEN ${guard('OLD')}\nBEGIN ${outboxInsert('delete', 'OLD', rowJsonSql(entity.key, 'OLD'))} END;`,
  ];
}

/** Registry columns the local table lacks (a build defect: the trigger would break every write to the table). */
export function missingColumns(sqlite: Database.Database, entity: SyncEntity): string[] {
  const present = new Set(
    (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(entity.name) as { name: string }[]).map((c) => c.name),
  );
  if (present.size === 0) return ['(table)'];
  return columnsOf(entity).filter((c) => !present.has(c));
}

/**
 * Installs the capture triggers when their SQL differs from the installed set (hash recorded in
 * `sync_capture_install`): drop and create in one transaction. Returns true when it (re)installed.
 * A database without the sync tables (older migrations in a test) is left alone.
 */
export function installCaptureTriggers(
  sqlite: Database.Database,
  schemaVersion: number,
  entities: readonly SyncEntity[] = SYNC_ENTITIES,
): boolean {
  const ready = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_capture_install'").get();
  if (!ready) return false;
  const usable = entities.filter((entity) => {
    const missing = missingColumns(sqlite, entity);
    if (missing.length > 0) log.error('entity not captured: the local table lacks registry columns', { entity: entity.name, missing });
    return missing.length === 0;
  });
  const statements = usable.flatMap((entity) => captureTriggerSql(entity, schemaVersion));
  const hash = createHash('sha256').update(statements.join('\n')).digest('hex');
  const installed = installedTriggerNames(sqlite);
  const recorded = sqlite.prepare('SELECT sql_hash AS hash FROM sync_capture_install WHERE id = 1').get() as { hash: string } | undefined;
  if (recorded?.hash === hash && installed.length === statements.length) return false;
  sqlite.transaction(() => {
    for (const trigger of installed) sqlite.exec(`DROP TRIGGER ${ident(trigger)}`);
    for (const statement of statements) sqlite.exec(statement);
    sqlite
      .prepare(
        `INSERT INTO sync_capture_install (id, sql_hash, installed_at) VALUES (1, ?, ${NOW_SQL}) ON CONFLICT(id) DO UPDATE SET sql_hash = excluded.sql_hash, installed_at = excluded.installed_at`,
      )
      .run(hash);
  })();
  log.info('capture triggers installed', { entities: usable.length, triggers: statements.length });
  return true;
}

function installedTriggerNames(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ?").all(PREFIX.length, PREFIX) as {
      name: string;
    }[]
  ).map((r) => r.name);
}
