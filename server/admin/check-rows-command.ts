import { parseArgs } from 'node:util';
import type { CentralDb } from '../db/central-db';
import { findBadRows, fixBadRows, type BadRow, type FixResult } from './check-rows';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const CHECK_ROWS_USAGE =
  "outpost server check-rows [--repair | --purge] [--json]   (rows that break today's rules; --repair applies lossless fixes, --purge deletes them for every device)";

/**
 * `outpost server check-rows`: lists the bad rows (exit 0 when there are none, 1 when there are);
 * `--repair` fixes those with a lossless fix (exit 1 while rows without one remain); `--purge`
 * tombstones every bad row (exit 0). `--json` prints one JSON document instead of lines.
 */
export async function checkRowsCommand(
  args: string[],
  io: Io,
  withDb: <T>(dataDir: string | undefined, fn: (db: CentralDb) => Promise<T>) => Promise<T>,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { repair: { type: 'boolean' }, purge: { type: 'boolean' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  if (values.repair && values.purge) {
    io.err('Choose one: --repair (lossless fixes only) or --purge (delete the rows for every device).');
    return 2;
  }
  const mode = values.purge ? 'purge' : values.repair ? 'repair' : null;
  const { found, fixed } = await withDb(values['data-dir'], async (db) => {
    const rows = await findBadRows(db);
    return { found: rows, fixed: mode && rows.length > 0 ? await fixBadRows(db, rows, mode) : null };
  });
  const remaining = fixed ? fixed.unrepairable : found;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          found: found.map(describe),
          repaired: fixed?.repaired.map(describe) ?? [],
          purged: fixed?.purged.map(describe) ?? [],
          remaining: remaining.map(describe),
        },
        null,
        2,
      ),
    );
    return remaining.length > 0 ? 1 : 0;
  }
  if (found.length === 0) {
    io.out('no rows break the rules');
    return 0;
  }
  for (const row of found) io.out(line(row));
  if (fixed) report(fixed, io);
  else
    io.out(
      `${found.length} ${found.length === 1 ? 'row breaks' : 'rows break'} the rules (${found.filter((r) => r.repaired).length} with a lossless fix: --repair; the rest: --purge)`,
    );
  return remaining.length > 0 ? 1 : 0;
}

function report(fixed: FixResult, io: Io): void {
  if (fixed.repaired.length > 0) io.out(`repaired ${fixed.repaired.length}: devices receive the fixed rows on their next sync`);
  if (fixed.purged.length > 0) io.out(`purged ${fixed.purged.length}: devices drop them on their next sync`);
  if (fixed.unrepairable.length > 0)
    io.out(
      `${fixed.unrepairable.length} without a lossless fix left as they are (use --purge to delete them): ${fixed.unrepairable.map((r) => `${r.entity} ${r.rowId}`).join(', ')}`,
    );
}

function line(row: BadRow): string {
  const fix = row.repaired ? 'repairable' : 'purge only';
  const reported = row.reportedBy > 0 ? `\treported by ${row.reportedBy} ${row.reportedBy === 1 ? 'device' : 'devices'}` : '';
  return `${row.entity}\t${row.rowId}\t${row.partition}\tv${row.version}\t${fix}\t${row.problems.join('; ')}${reported}`;
}

function describe(row: BadRow) {
  return {
    entity: row.entity,
    rowId: row.rowId,
    partition: row.partition,
    version: row.version,
    problems: row.problems,
    repairable: row.repaired !== null,
    reportedBy: row.reportedBy,
  };
}
