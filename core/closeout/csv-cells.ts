/** A CSV cell: text is quoted when needed (RFC 4180); numbers and null are written as they are. */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell per RFC 4180: quoted (with doubled quotes) when it holds a comma, a quote or a line
 * break. Text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe so a
 * spreadsheet shows it as text instead of running it as a formula.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows joined with CRLF (RFC 4180), ending with one. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
