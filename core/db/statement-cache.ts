import type Database from 'better-sqlite3';

/**
 * Prepared statements kept per connection: sync pull, site report import and the dashboard run the
 * same few statements for every row or request, and preparing one costs more than running it
 * (a table with capture triggers compiles them at every prepare). SQLite re-prepares a cached
 * statement by itself after a schema change.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const keyedCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function cacheOf(sqlite: Database.Database, of = caches): Map<string, Database.Statement> {
  let cache = of.get(sqlite);
  if (!cache) {
    cache = new Map();
    of.set(sqlite, cache);
  }
  return cache;
}

/** The statement for this SQL text on this connection, prepared once. */
export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  const cache = cacheOf(sqlite);
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The statement named by `key` on this connection; `build` makes its SQL the first time only (for SQL built per row shape). */
export function cachedStatementFor(sqlite: Database.Database, key: string, build: () => string): Database.Statement {
  const cache = cacheOf(sqlite, keyedCaches);
  let statement = cache.get(key);
  if (!statement) {
    statement = sqlite.prepare(build());
    cache.set(key, statement);
  }
  return statement;
}
