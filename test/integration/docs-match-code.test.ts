import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import { apiErrorCodeSchema } from '../../shared/contract/errors';
import { tempDataDir } from '../support/temp-core';

/**
 * The docs name tables and error codes; a maintainer trusts them. Both lists are read from the docs
 * as written and compared with the code: every table of a freshly migrated database has a row in
 * docs/data-model.md (and every table named there exists), and docs/architecture.md lists exactly
 * the contract's error codes.
 */

const read = (file: string) => fs.readFileSync(path.resolve('docs', file), 'utf8');

/** The tables named in the first column of data-model.md's table rows (`| \`a\`, \`b\` | …`). */
function documentedTables(markdown: string): Set<string> {
  const names = new Set<string>();
  for (const line of markdown.split('\n')) {
    const first = /^\|([^|]+)\|/.exec(line)?.[1];
    if (!first) continue;
    for (const m of first.matchAll(/`([a-z_][a-z0-9_]*)`/g)) names.add(m[1]!);
  }
  return names;
}

/** Tables of a migrated database, without SQLite's own and the shadow tables of virtual tables (FTS5 keeps its index in `<name>_data`, …). */
function schemaTables(): Set<string> {
  const dir = tempDataDir('docs-match');
  const db = openDatabase({ file: path.join(dir, 'outpost.db'), backupDir: path.join(dir, 'backups') });
  try {
    const rows = db.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      sql: string;
    }[];
    const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
    return new Set(rows.map((r) => r.name).filter((name) => !virtual.some((v) => name.startsWith(`${v}_`))));
  } finally {
    db.sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the docs match the code', () => {
  it('docs/data-model.md has a row for every local table, and names no table that does not exist', () => {
    const documented = documentedTables(read('data-model.md'));
    const tables = schemaTables();
    expect(tables.size).toBeGreaterThan(40);
    expect([...tables].filter((t) => !documented.has(t)).sort(), 'tables missing from docs/data-model.md').toEqual([]);
    expect([...documented].filter((t) => !tables.has(t)).sort(), 'tables in docs/data-model.md that the schema does not have').toEqual([]);
  });

  it('docs/architecture.md lists exactly the API error codes of shared/contract/errors.ts', () => {
    const paragraph = /^Error codes[^:]*:([\s\S]*?)\n\n/m.exec(read('architecture.md'))?.[1];
    expect(paragraph, 'an "Error codes" paragraph in docs/architecture.md').toBeDefined();
    // The codes are the paragraph's backticked snake-case words (the file names in it have dots and slashes).
    const listed = [...paragraph!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
    expect([...new Set(listed)].sort()).toEqual([...apiErrorCodeSchema.options].sort());
  });
});
