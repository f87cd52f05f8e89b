/**
 * What the sync engine needs from the central database: parameterized statements and
 * transactions. `CentralDb` (server/db/central-db.ts) provides it on PGlite and PostgreSQL; unit
 * tests may pass an in-memory PGlite through a small adapter.
 *
 * Bulk statements pass their rows as one JSON parameter (`jsonb_to_recordset($1::jsonb)`), which
 * both drivers send the same way, so a 500-operation push is a handful of round trips.
 */
export interface SyncQueries {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface SyncDb extends SyncQueries {
  transaction<T>(fn: (tx: SyncQueries) => Promise<T>): Promise<T>;
}

/** One JSON parameter for `jsonb_to_recordset` / `jsonb_array_elements_text`. */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value);
}
