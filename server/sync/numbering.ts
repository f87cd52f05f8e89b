import type { Operation, WireRow } from '../../shared/sync/wire';
import { jsonParam, type SyncQueries } from './sync-db';

/**
 * Columns numbered 1, 2, 3… within a group, which every device keeps unique (local UNIQUE
 * constraints): an issue's number within its site, an issue event's sequence within its issue.
 * Two devices offline both take the next number; the server is the authority: a new row whose
 * number another row of the group already has gets the group's next free number, and the push
 * result says so in `overwrote` ({ column, replaced: the device's number, by: the server's }).
 */
export const NUMBERED_COLUMNS: Readonly<Record<string, { column: string; groupColumn: string }>> = {
  issues: { column: 'number', groupColumn: 'site_id' },
  issue_events: { column: 'seq', groupColumn: 'issue_id' },
};

interface Group {
  max: number;
  /** number → row id holding it. */
  taken: Map<number, string>;
}

export type NumberingState = Map<string, Group>;

const groupKey = (entity: string, group: string): string => `${entity}\u0000${group}`;

/** Loads the numbers in use in every group the batch inserts into (live rows only). */
export async function loadNumbering(tx: SyncQueries, ops: readonly Operation[]): Promise<NumberingState> {
  const state: NumberingState = new Map();
  const wanted = new Map<string, { entity: string; partition: string; group_column: string; group_value: string; num_column: string }>();
  for (const op of ops) {
    const rule = NUMBERED_COLUMNS[op.entity];
    const group = op.data[rule?.groupColumn ?? ''];
    if (!rule || op.kind !== 'insert' || typeof group !== 'string') continue;
    wanted.set(groupKey(op.entity, group), {
      entity: op.entity,
      partition: op.partition,
      group_column: rule.groupColumn,
      group_value: group,
      num_column: rule.column,
    });
    state.set(groupKey(op.entity, group), { max: 0, taken: new Map() });
  }
  if (wanted.size === 0) return state;
  const rows = await tx.query<{ entity: string; group_value: string; row_id: string; n: number | string | null }>(
    `SELECT d.entity, x.group_value, d.row_id, (d.data ->> x.num_column)::bigint AS n
       FROM jsonb_to_recordset($1::jsonb) AS x(entity text, partition text, group_column text, group_value text, num_column text)
       JOIN docs d ON d.partition = x.partition AND d.entity = x.entity AND NOT d.deleted AND d.data ->> x.group_column = x.group_value`,
    [jsonParam([...wanted.values()])],
  );
  for (const row of rows) {
    if (row.n === null) continue;
    const group = state.get(groupKey(row.entity, row.group_value))!;
    const n = Number(row.n);
    group.taken.set(n, row.row_id);
    group.max = Math.max(group.max, n);
  }
  return state;
}

/**
 * Takes a number for a new row of `entity`: its own when free, else the group's next. Returns the
 * replaced number when it had to change (and sets the new one in `row`).
 */
export function takeNumber(
  state: NumberingState,
  entity: string,
  rowId: string,
  row: WireRow,
): { replaced: number; by: number } | undefined {
  const rule = NUMBERED_COLUMNS[entity];
  const groupValue = row[rule?.groupColumn ?? ''];
  if (!rule || typeof groupValue !== 'string') return undefined;
  const group = state.get(groupKey(entity, groupValue));
  const wantedNumber = row[rule.column];
  if (!group || typeof wantedNumber !== 'number') return undefined;
  const holder = group.taken.get(wantedNumber);
  let result: { replaced: number; by: number } | undefined;
  let number = wantedNumber;
  if (holder !== undefined && holder !== rowId) {
    number = group.max + 1;
    row[rule.column] = number;
    result = { replaced: wantedNumber, by: number };
  }
  group.taken.set(number, rowId);
  group.max = Math.max(group.max, number);
  return result;
}
