import path from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/support/temp-core';
import { openDatabase } from '../open-database';
import * as schema from './index';

describe('drizzle schema', () => {
  it('names only tables and columns the migrations create, with the same NOT NULL rules', () => {
    const dir = tempDataDir();
    const { sqlite } = openDatabase({ file: path.join(dir, 'outpost.db'), backupDir: path.join(dir, 'backups') });
    const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const table of tables) {
      const config = getTableConfig(table);
      const actual = sqlite.prepare(`SELECT name, "notnull" AS isNotNull, pk FROM pragma_table_info(?)`).all(config.name) as {
        name: string;
        isNotNull: number;
        pk: number;
      }[];
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
