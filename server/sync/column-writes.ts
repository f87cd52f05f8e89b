/**
 * Who last wrote each column of a stored row, and at which row version: `{ column: [version, deviceId] }`,
 * with `*` standing for every column not named (the row's insert). A pushed write replaces a value
 * concurrently when that value was written by another device after the version the write was made
 * on. The row's last writer alone cannot tell: a device's own earlier write (another column, the
 * same batch) can sit on top of a value from another device that it never saw.
 */
export type ColumnWrites = Record<string, readonly [version: number, deviceId: string | null]>;

const ALL = '*';

/** The writes of a row just inserted (or brought back after a delete) by `deviceId` at `version`. */
export function insertedWrites(version: number, deviceId: string): ColumnWrites {
  return { [ALL]: [version, deviceId] };
}

/** `writes` after `deviceId` wrote `columns` at `version`. */
export function withWrites(writes: ColumnWrites | null, columns: readonly string[], version: number, deviceId: string): ColumnWrites {
  const next: ColumnWrites = { ...(writes ?? {}) };
  for (const column of columns) next[column] = [version, deviceId];
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
  const last = doc.writes ? (doc.writes[column] ?? doc.writes[ALL]) : undefined;
  if (!last) return baseVersion < doc.version && doc.updatedByDevice !== deviceId;
  const [version, writer] = last;
  return version > baseVersion && writer !== deviceId;
}
