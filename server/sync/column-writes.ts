/**
 * Who last wrote each column of a stored row, and at which row version. A pushed write replaces a
 * value concurrently when that value was written by another device after the version the write was
 * made on. The row's last writer alone cannot tell: a device's own earlier write (another column,
 * the same batch) can sit on top of a value from another device that it never saw.
 *
 * Kept compact because every pushed row carries it (`docs.column_writes`): `columns` maps a column
 * to the version that last wrote it (`*` for every column not named: the row's insert), `writers`
 * maps each of those versions to its device (one device makes one version).
 */
export interface ColumnWrites {
  columns: Record<string, number>;
  writers: Record<string, string | null>;
}

const ALL = '*';

/** The writes of a row just inserted (or brought back after a delete) by `deviceId` at `version`. */
export function insertedWrites(version: number, deviceId: string): ColumnWrites {
  return { columns: { [ALL]: version }, writers: { [version]: deviceId } };
}

/** `writes` after `deviceId` wrote `columns` at `version`; versions no column names any more are dropped. */
export function withWrites(writes: ColumnWrites | null, columns: readonly string[], version: number, deviceId: string): ColumnWrites {
  const next: ColumnWrites = { columns: { ...(writes?.columns ?? {}) }, writers: {} };
  for (const column of columns) next.columns[column] = version;
  if (columns.length > 0) next.writers[version] = deviceId;
  for (const written of Object.values(next.columns))
    if (written !== version && !(written in next.writers)) next.writers[written] = writes?.writers[written] ?? null;
  return next;
}

/**
 * Whether a write of `column` made on `baseVersion` by `deviceId` replaces another device's value it
 * had not seen. Rows stored before column writes were kept (`writes` null) fall back to the row's
 * version and last writer.
 */
export function replacesUnseenValue(
  doc: { version: number; updatedByDevice: string | null; writes: ColumnWrites | null },
  column: string,
  baseVersion: number,
  deviceId: string,
): boolean {
  const version = doc.writes ? (doc.writes.columns[column] ?? doc.writes.columns[ALL]) : undefined;
  if (version === undefined) return baseVersion < doc.version && doc.updatedByDevice !== deviceId;
  return version > baseVersion && (doc.writes!.writers[version] ?? null) !== deviceId;
}
