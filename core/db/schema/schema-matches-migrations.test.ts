import path from 'node:path';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/support/temp-core';
import { openDatabase } from '../open-database';
import * as schema from './index';

describe('drizzle schema', () => {
  it('names only tables and columns the migrations create, with the same NOT NULL rules', () => {
    const dir = tempDataDir();
    const { sqlite } = openDatabase({ file: path.join(dir, 'outpost.db'), backupDir: path.join(dir, 'backups') });
    const tables = Object.values(schema).filter((v): v is SQLiteTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v);
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const table of tables) {
      const config = getTableConfig(table);
      const actual = sqlite.prepare(`SELECT name, "notnull" AS isNotNull, pk FROM pragma_table_info(?)`).all(config.name) as { name: string; isNotNull: number; pk: number }[];
      expect(actual.length, `table ${config.name}`).toBeGreaterThan(0);
      const byName = new Map(actual.map((c) => [c.name, c]));
      for (const column of config.columns) {
        const real = byName.get(column.name);
        expect(real, `${config.name}.${column.name}`).toBeDefined();
        if (!column.primary) expect(real!.isNotNull === 1, `${config.name}.${column.name} NOT NULL`).toBe(column.notNull);
      }
    }
    sqlite.close();
  });
});
