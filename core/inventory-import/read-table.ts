import Papa from 'papaparse';
import { IMPORT_FILE_MAX_BYTES } from '../../shared/contract/inventory-import-methods';

/** A file read into header + rows, or why it cannot be. */
export interface RawTable {
  format: 'csv' | 'xlsx';
  delimiter: ',' | ';' | null;
  headers: string[];
  rows: string[][];
}

export type ReadFailureCode = 'too_large' | 'binary' | 'wrong_delimiter' | 'empty' | 'unreadable';

export class ReadFailure extends Error {
  constructor(
    readonly code: ReadFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadFailure';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(data: Buffer, fileName: string): boolean {
  return ZIP_MAGIC.every((b, i) => data[i] === b) || /\.xlsx$/i.test(fileName);
}

export function checkSize(bytes: number): void {
  if (bytes > IMPORT_FILE_MAX_BYTES) {
    throw new ReadFailure(
      'too_large',
      `The file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${IMPORT_FILE_MAX_BYTES / 1048576} MB`,
    );
  }
}

/** UTF-8 text without its byte order mark; refuses binary data. */
export function decodeText(data: Buffer): string {
  if (data.length === 0) throw new ReadFailure('empty', 'The file is empty');
  const probe = data.subarray(0, 65536);
  if (probe.includes(0)) throw new ReadFailure('binary', 'This is not a CSV or XLSX file (it contains binary data)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new ReadFailure('binary', 'This is not a UTF-8 CSV file (it contains bytes that are not text); save it as "CSV UTF-8" or XLSX');
  }
  // Control characters other than tab/CR/LF mean junk, not a spreadsheet export.
  const sample = text.slice(0, 65536);
  const controls = sample.match(/[\x01-\x08\x0B\x0C\x0E-\x1F\x7F]/g)?.length ?? 0;
  if (controls > 0) throw new ReadFailure('binary', 'This is not a CSV or XLSX file (it contains control characters)');
  return text.replace(/^\uFEFF/, '');
}

function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n += 1;
  }
  return n;
}

/** Comma or semicolon, whichever the header line uses more; anything else is refused. */
export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).slice(0, 10000);
  const commas = countOutsideQuotes(firstLine, ',');
  const semicolons = countOutsideQuotes(firstLine, ';');
  if (commas === 0 && semicolons === 0) {
    const other = firstLine.includes('\t') ? 'tabs' : firstLine.includes('|') ? 'pipes' : null;
    if (other !== null || firstLine.trim().includes(' ')) {
      throw new ReadFailure(
        'wrong_delimiter',
        `The columns are not separated by commas or semicolons${other ? ` (found ${other})` : ''}; export the file as CSV with a comma or semicolon`,
      );
    }
  }
  return semicolons > commas ? ';' : ',';
}

/** Drops empty header cells at the end (a trailing delimiter) and trims the rest. */
export function tidyHeaders(headers: readonly string[]): string[] {
  const out = headers.map((h) => h.replace(/^\uFEFF/, '').trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  if (out.length === 0) throw new ReadFailure('empty', 'The file has no header row');
  return out;
}

export function readCsv(data: Buffer): RawTable {
  const text = decodeText(data);
  if (text.trim() === '') throw new ReadFailure('empty', 'The file is empty');
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) throw new ReadFailure('unreadable', `The CSV has an unclosed quote near row ${(quoteError.row ?? 0) + 1}`);
  const [header, ...rows] = parsed.data;
  return { format: 'csv', delimiter, headers: tidyHeaders(header ?? []), rows };
}
