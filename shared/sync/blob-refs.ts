import type { SyncEntity } from './entity-registry';

/**
 * Which attachments a synced row names: the values of its entity's blob columns, where the
 * column's condition holds (entity-registry.ts `blobColumnWhen`). One reading for the desktop's
 * upload and download, the site report file and the server's checks, references and purge.
 */

export interface BlobRef {
  column: string;
  /** The column's value: a SHA-256 once validated (it may be anything in a hostile row). */
  value: unknown;
}

/** The blob columns of a row that name an attachment (null and absent values included: callers decide). */
export function blobRefsOfRow(entity: SyncEntity, row: Readonly<Record<string, unknown>>): BlobRef[] {
  const refs: BlobRef[] = [];
  for (const column of entity.blobColumns ?? []) {
    const when = entity.blobColumnWhen?.[column];
    if (when && row[when.column] !== when.equals) continue;
    refs.push({ column, value: row[column] });
  }
  return refs;
}

/**
 * The SQL condition under which a blob column names an attachment, for queries over stored JSON
 * rows; `field(column)` renders the JSON field access of the dialect (SQLite json_extract, PostgreSQL ->>).
 * Column names and values come from the registry, never from input.
 */
export function blobColumnSqlCondition(entity: SyncEntity, column: string, field: (column: string) => string): string {
  const when = entity.blobColumnWhen?.[column];
  return when ? ` AND ${field(when.column)} = '${when.equals.replace(/'/g, "''")}'` : '';
}
