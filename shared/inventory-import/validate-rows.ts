import { normalizeSerial } from '../logic/serial';
import { IMPORT_FIELD_LABEL, REQUIRED_IMPORT_FIELDS, type ImportField } from './fields';

export interface ImportSite {
  id: string;
  code: string;
  name: string;
}

export interface ImportRowError {
  /** 1-based data row (the header is row 0). */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportFileError {
  code: 'missing_column' | 'no_site' | 'no_rows';
  message: string;
}

export interface ImportDraft {
  siteId: string;
  manufacturer: string;
  model: string;
  expectedSerial: string;
  assetTag: string | null;
  room: string;
  rack: string;
  unit: string;
}

export interface ValidationInput {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  mapping: readonly ImportField[];
  sites: readonly ImportSite[];
  /** The site chosen in the dialog: rows without a site column (or with an empty one) go there. */
  siteId: string | null;
  /** Normalized expected serials already in any site of the deployment. */
  existingSerialKeys: ReadonlySet<string>;
}

export interface ValidationResult {
  drafts: ImportDraft[];
  rowErrors: ImportRowError[];
  fileErrors: ImportFileError[];
  /** Rows that are not blank. */
  rowCount: number;
}

const PRINTABLE = /^[\x20-\x7E]+$/;
const POSITION = /^U?\s?(\d{1,3})(?:\.(0|5))?$/i;
const MAX_TEXT = 200;

function siteLookup(sites: readonly ImportSite[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const s of sites) byKey.set(s.name.trim().toLowerCase(), s.id);
  for (const s of sites) byKey.set(s.code.trim().toLowerCase(), s.id);
  return byKey;
}

/** Checks every row of a mapped file and turns the good ones into inventory drafts. */
export function validateImportRows(input: ValidationInput): ValidationResult {
  const col = new Map<ImportField, number>();
  input.mapping.forEach((field, index) => {
    if (field !== 'ignore' && !col.has(field) && index < input.headers.length) col.set(field, index);
  });
  const fileErrors: ImportFileError[] = [];
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!col.has(field))
      fileErrors.push({
        code: 'missing_column',
        message: `Missing required column: ${IMPORT_FIELD_LABEL[field].toLowerCase()} (e.g. "Serial Number" or "serial")`,
      });
  }
  const siteCol = col.get('site');
  if (siteCol === undefined && input.siteId === null)
    fileErrors.push({ code: 'no_site', message: 'The file has no site column: choose the site to import into' });
  const sites = siteLookup(input.sites);
  const rowErrors: ImportRowError[] = [];
  const drafts: ImportDraft[] = [];
  const seen = new Map<string, number>();
  const header = (field: ImportField) => input.headers[col.get(field) ?? -1] ?? null;
  let rowCount = 0;

  input.rows.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    rowCount += 1;
    const row = index + 1;
    const value = (field: ImportField) => {
      const i = col.get(field);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const fail = (field: ImportField | null, message: string) => rowErrors.push({ row, column: field ? header(field) : null, message });
    let ok = true;
    const serial = value('serial');
    if (col.has('serial')) {
      if (serial === '') {
        fail('serial', 'Missing serial');
        ok = false;
      } else if (serial.length > 128 || !PRINTABLE.test(serial)) {
        fail('serial', `Bad serial "${serial.slice(0, 40)}": printable characters only, at most 128`);
        ok = false;
      } else {
        const key = normalizeSerial(serial);
        const first = seen.get(key);
        if (first !== undefined) {
          fail('serial', `Duplicate serial ${serial} (also in row ${first})`);
          ok = false;
        } else {
          seen.set(key, row);
          if (input.existingSerialKeys.has(key)) {
            fail('serial', `Serial ${serial} is already expected in this deployment`);
            ok = false;
          }
        }
      }
    }
    let siteId = input.siteId;
    if (siteCol !== undefined) {
      const site = value('site');
      if (site !== '') {
        siteId = sites.get(site.toLowerCase()) ?? null;
        if (siteId === null) {
          fail('site', `Unknown site "${site.slice(0, 60)}"`);
          ok = false;
        }
      } else if (siteId === null) {
        fail('site', 'Missing site');
        ok = false;
      }
    }
    const position = value('unit');
    const unitMatch = POSITION.exec(position);
    // In a rack the position is a rack unit; elsewhere (a till, a desk) it is free text.
    const unit = unitMatch ? `U${Number(unitMatch[1])}${unitMatch[2] === '5' ? '.5' : ''}` : position;
    if (position !== '' && !unitMatch && value('rack') !== '') {
      fail('unit', `Bad position "${position.slice(0, 20)}" in rack ${value('rack').slice(0, 40)}: a rack unit number such as 12`);
      ok = false;
    }
    const assetTag = value('assetTag');
    for (const field of ['manufacturer', 'model', 'modelNumber', 'assetTag', 'room', 'rack', 'unit'] as const) {
      if (value(field).length > MAX_TEXT) {
        fail(field, `Value longer than ${MAX_TEXT} characters`);
        ok = false;
      }
    }
    if (!ok || siteId === null || fileErrors.length > 0) return;
    drafts.push({
      siteId,
      manufacturer: value('manufacturer'),
      model: value('model') || value('modelNumber'),
      expectedSerial: serial,
      assetTag: assetTag === '' ? null : assetTag,
      room: value('room'),
      rack: value('rack'),
      unit,
    });
  });
  if (rowCount === 0) fileErrors.push({ code: 'no_rows', message: 'The file has a header but no rows' });
  return { drafts, rowErrors, fileErrors, rowCount };
}
