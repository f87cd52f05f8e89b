import { syncEntity, type SyncColumnType } from '../../shared/sync/entity-registry';
import { rowViolations } from '../../shared/sync/row-rules';
import { jsonParam, type SyncDb, type SyncQueries } from '../sync/sync-db';
import { openQuarantineReports, resolveQuarantineReports } from '../sync/quarantine-reports';

/**
 * `outpost server check-rows`: the live rows in `docs` that break today's rules
 * (`shared/sync/row-rules.ts`: types, NOT NULL, enums, ranges, row rules), written before the server
 * enforced them, or straight into the database. A desktop cannot store such a row: it keeps it in
 * its quarantine and reports it (`quarantine_reports`).
 *
 * - `--repair` rewrites a row only when a lossless fix makes it valid: a whole number sent as text
 *   ("5" → 5), a flag sent as true/false (→ 1/0), a number in a text column (→ "5"). Anything else
 *   (an unknown enum value, a missing required value, a value out of range) has no safe fix: the
 *   command does not guess what the author meant, and lists the row as needing `--purge`.
 * - `--purge` deletes the row the way a delete from a device does: a tombstone with a new version and
 *   change-log entry, so every device drops it (and clears its quarantine entry) on its next pull.
 *
 * Either writes one transaction per partition, its row locked first like a push, so a running server
 * keeps serving (on PostgreSQL; PGlite's data directory has one owner: stop the server first).
 */

export interface BadRow {
  entity: string;
  rowId: string;
  partition: string;
  version: number;
  problems: string[];
  /** The row after the lossless fix, when one makes it valid; null when only a purge helps. */
  repaired: Record<string, unknown> | null;
  /** Devices that reported the row as not storable (open reports). */
  reportedBy: number;
}

const SCAN_BATCH = 1000;

/** Every live row that breaks a rule, in (entity, row id) order; the scan reads `docs` in key-ordered batches. */
export async function findBadRows(db: SyncQueries): Promise<BadRow[]> {
  const reports = new Map<string, number>();
  for (const report of await openQuarantineReports(db))
    reports.set(keyOf(report.entity, report.rowId), (reports.get(keyOf(report.entity, report.rowId)) ?? 0) + 1);
  const bad: BadRow[] = [];
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows = await db.query<{ entity: string; row_id: string; partition: string; version: number; data: unknown }>(
      `SELECT entity, row_id, partition, version, data FROM docs
        WHERE NOT deleted AND (entity, row_id) > ($1, $2) ORDER BY entity, row_id LIMIT ${SCAN_BATCH}`,
      after,
    );
    for (const row of rows) {
      const data = asObject(row.data);
      const problems = data ? rowViolations(row.entity, data) : ['the row has no data'];
      if (problems.length === 0) continue;
      const repaired = data ? losslessRepair(row.entity, data) : null;
      bad.push({
        entity: row.entity,
        rowId: row.row_id,
        partition: row.partition,
        version: Number(row.version),
        problems,
        repaired,
        reportedBy: reports.get(keyOf(row.entity, row.row_id)) ?? 0,
      });
    }
    if (rows.length < SCAN_BATCH) return bad;
    const last = rows[rows.length - 1]!;
    after = [last.entity, last.row_id];
  }
}

/** The row with every lossless type fix applied, if that makes it break no rule; else null. */
export function losslessRepair(entity: string, data: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const declared = syncEntity(entity);
  if (!declared) return null;
  const fixed: Record<string, unknown> = { ...data };
  let changed = false;
  for (const [column, type] of Object.entries(declared.columns) as [string, SyncColumnType][]) {
    if (!(column in fixed)) continue;
    const value = convert(type, fixed[column]);
    if (value !== undefined) {
      fixed[column] = value;
      changed = true;
    }
  }
  return changed && rowViolations(entity, fixed).length === 0 ? fixed : null;
}

/** The lossless conversion of a value of the wrong type, or undefined when there is none (or none is needed). */
function convert(type: SyncColumnType, value: unknown): unknown {
  if (type.startsWith('int')) {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'string' && /^-?(0|[1-9]\d{0,14})$/.test(value.trim())) return Number(value.trim());
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export interface FixResult {
  repaired: BadRow[];
  purged: BadRow[];
  /** Rows `--repair` left alone: no lossless fix exists. */
  unrepairable: BadRow[];
}

/** Repairs the rows that have a lossless fix (`mode: 'repair'`) or tombstones every bad row (`mode: 'purge'`). */
export async function fixBadRows(db: SyncDb, rows: readonly BadRow[], mode: 'repair' | 'purge'): Promise<FixResult> {
  const result: FixResult = { repaired: [], purged: [], unrepairable: [] };
  const todo = mode === 'purge' ? [...rows] : rows.filter((r) => r.repaired !== null);
  if (mode === 'repair') result.unrepairable.push(...rows.filter((r) => r.repaired === null));
  const byPartition = new Map<string, BadRow[]>();
  for (const row of todo) byPartition.set(row.partition, [...(byPartition.get(row.partition) ?? []), row]);
  for (const [partition, group] of [...byPartition].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const written = await db.transaction(async (tx) => {
      await tx.query('SELECT key FROM partitions WHERE key = $1 FOR UPDATE', [partition]);
      // Only rows still as they were found (a device may have fixed one meanwhile).
      const current = await tx.query<{ entity: string; row_id: string }>(
        `SELECT d.entity, d.row_id FROM docs d JOIN jsonb_to_recordset($1::jsonb) AS x(entity text, row_id text, version int)
           ON d.entity = x.entity AND d.row_id = x.row_id AND d.version = x.version AND NOT d.deleted`,
        [jsonParam(group.map((r) => ({ entity: r.entity, row_id: r.rowId, version: r.version })))],
      );
      const still = new Set(current.map((r) => keyOf(r.entity, r.row_id)));
      const rowsNow = group.filter((r) => still.has(keyOf(r.entity, r.rowId)));
      if (rowsNow.length === 0) return [];
      const [seqRow] = await tx.query<{ last_seq: number | string }>(
        'UPDATE partitions SET last_seq = last_seq + $2 WHERE key = $1 RETURNING last_seq',
        [partition, rowsNow.length],
      );
      const first = Number(seqRow!.last_seq) - rowsNow.length + 1;
      const changes = rowsNow.map((r, i) => ({
        entity: r.entity,
        row_id: r.rowId,
        seq: first + i,
        data: mode === 'purge' ? null : r.repaired,
      }));
      await tx.query(
        `WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(entity text, row_id text, seq bigint, data jsonb)),
         d AS (
           UPDATE docs SET version = docs.version + 1, deleted = $2, data = NULLIF(x.data, 'null'::jsonb), updated_at = now(), updated_by_device = NULL,
             column_writes = CASE WHEN $2 THEN NULL ELSE docs.column_writes END
             FROM x WHERE docs.entity = x.entity AND docs.row_id = x.row_id RETURNING 1)
         INSERT INTO change_log (partition, seq, entity, row_id) SELECT $3, seq, entity, row_id FROM x
         ON CONFLICT (entity, row_id) DO UPDATE SET partition = excluded.partition, seq = excluded.seq`,
        [jsonParam(changes), mode === 'purge', partition],
      );
      await resolveQuarantineReports(tx, rowsNow);
      return rowsNow;
    });
    (mode === 'purge' ? result.purged : result.repaired).push(...written);
  }
  return result;
}

function keyOf(entity: string, rowId: string): string {
  return `${entity}\u0000${rowId}`;
}

function asObject(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
