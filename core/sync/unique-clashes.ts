import type Database from 'better-sqlite3';
import type { SyncEntity } from '../../shared/sync/entity-registry';
import type { WireRow } from '../../shared/sync/wire';

/**
 * Local UNIQUE rules a pulled row can collide with although its key is new here. Today: issue
 * numbers per site (two technicians who log an issue offline at the same site both take the next
 * number). Returns true when it made room, so the caller retries the row once.
 *
 * - The clashing local issue has changes waiting to be pushed (the server has not numbered it
 *   yet): it takes the next free number, captured like any local edit so the server learns it.
 * - Otherwise the server already has it and its own newer state is on its way: it is parked on a
 *   temporary negative number (not captured) until that change arrives.
 */
export function makeRoomForPulledRow(
  sqlite: Database.Database,
  entity: SyncEntity,
  data: WireRow,
  hasPending: (entity: string, rowId: string) => boolean,
): boolean {
  if (entity.name !== 'issues') return false;
  const clash = sqlite.prepare('SELECT id FROM issues WHERE site_id = ? AND number = ? AND id IS NOT ?').get(data.site_id, data.number, data.id) as
    | { id: string }
    | undefined;
  if (!clash) return false;
  if (hasPending('issues', clash.id)) {
    sqlite.prepare('DELETE FROM sync_apply_guard').run(); // this renumbering is a local change: capture it
    try {
      sqlite.prepare('UPDATE issues SET number = (SELECT max(number) + 1 FROM issues WHERE site_id = ?) WHERE id = ?').run(data.site_id, clash.id);
    } finally {
      sqlite.prepare('INSERT INTO sync_apply_guard (id) VALUES (1) ON CONFLICT(id) DO NOTHING').run();
    }
  } else {
    sqlite.prepare('UPDATE issues SET number = (SELECT min(0, min(number)) - 1 FROM issues WHERE site_id = ?) WHERE id = ?').run(data.site_id, clash.id);
  }
  return true;
}
