import type Database from 'better-sqlite3';
import type { SyncEntity } from '../../shared/sync/entity-registry';
import type { WireRow } from '../../shared/sync/wire';
import { withRefusalTriggersLifted } from './refusal-triggers';

/** Numbers unique within a group on every device, which two devices may both take offline (the server renumbers the later one). */
const NUMBERED: Record<string, { group: string; number: string }> = {
  issues: { group: 'site_id', number: 'number' },
  issue_events: { group: 'issue_id', number: 'seq' },
};

/**
 * A pulled row whose number a different local row holds (an issue number per site, an event
 * sequence per issue) makes room; returns true when it did, so the caller retries the row once.
 *
 * - The local row's insert has not reached the server yet: it takes the next free number, and its
 *   queued insert carries the new number (the server numbers it on arrival anyway).
 * - Otherwise the server has it, renumbered, and that row is on its way: the local copy is parked on
 *   a temporary negative number until it arrives.
 */
export function makeRoomForPulledRow(
  sqlite: Database.Database,
  entity: SyncEntity,
  data: WireRow,
  hasPending: (entity: string, rowId: string) => boolean,
): boolean {
  const rule = NUMBERED[entity.name];
  if (!rule) return false;
  const table = entity.name;
  const clash = sqlite
    .prepare(`SELECT id FROM ${table} WHERE ${rule.group} = ? AND ${rule.number} = ? AND id IS NOT ?`)
    .get(data[rule.group], data[rule.number], data.id) as { id: string } | undefined;
  if (!clash) return false;
  const pending = hasPending(table, clash.id);
  const next = pending
    ? `(SELECT max(${rule.number}) + 1 FROM ${table} WHERE ${rule.group} = ?)`
    : `(SELECT min(0, min(${rule.number})) - 1 FROM ${table} WHERE ${rule.group} = ?)`;
  withRefusalTriggersLifted(sqlite, table, () =>
    sqlite.prepare(`UPDATE ${table} SET ${rule.number} = ${next} WHERE id = ?`).run(data[rule.group], clash.id),
  );
  if (pending) {
    const value = (sqlite.prepare(`SELECT ${rule.number} AS n FROM ${table} WHERE id = ?`).get(clash.id) as { n: number }).n;
    sqlite
      .prepare(
        `UPDATE sync_outbox SET data = json_set(data, '$.${rule.number}', ?) WHERE entity = ? AND row_id = ? AND kind != 'delete' AND json_extract(data, '$.${rule.number}') IS NOT NULL`,
      )
      .run(value, table, clash.id);
  }
  return true;
}
