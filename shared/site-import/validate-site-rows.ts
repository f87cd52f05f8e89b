import { siteUpdateSchema } from '../contract/authoring-methods';
import type { SiteStatus } from '../domain/enums';
import type { SiteTechnician } from '../domain/site-technician';
import { uniqueTechnicians } from '../domain/site-technician';
import { SITE_WINDOW_MESSAGE, siteWindowIsValid } from '../domain/time-span';
import { isValidTimeZone } from '../time/time-zone';
import { REQUIRED_SITE_FIELDS, SITE_IMPORT_FIELD_LABEL, type SiteDataField, type SiteImportField } from './fields';
import { readWindowCell, windowCell } from './site-time-cell';

export interface SiteImportWave {
  id: string;
  name: string;
  sequence: number;
}

/** A site of the deployment as it is now (what a row is compared with). */
export interface ExistingImportSite {
  id: string;
  code: string;
  name: string;
  address: string;
  timeZone: string;
  waveId: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  ownerName: string;
  ownerEmail: string;
  ownerPhone: string;
  technicians: SiteTechnician[];
  notes: string;
  status: SiteStatus;
}

/** A user of the server this device knows (its user list, or technicians already named by user). */
export interface KnownUser {
  id: string;
  username: string;
  displayName: string;
}

/** The plan fields a row sets: only those whose column is in the file. */
export type SiteValues = Pick<
  ExistingImportSite,
  | 'code'
  | 'name'
  | 'address'
  | 'timeZone'
  | 'waveId'
  | 'windowStart'
  | 'windowEnd'
  | 'ownerName'
  | 'ownerEmail'
  | 'ownerPhone'
  | 'technicians'
  | 'notes'
>;

export interface SiteFieldChange {
  field: SiteDataField;
  from: string;
  to: string;
}

export interface SiteImportRow {
  /** 1-based data row (the header is row 0), as the inventory import counts. */
  row: number;
  code: string;
  name: string;
  /** The existing site with this code, or null for a new one. */
  siteId: string | null;
  status: 'new' | 'changed' | 'unchanged';
  values: Partial<SiteValues>;
  changes: SiteFieldChange[];
}

export interface SiteImportRowError {
  row: number;
  column: string | null;
  message: string;
}

export interface SiteImportFileError {
  code: 'missing_column' | 'no_rows';
  message: string;
}

export interface SiteValidationInput {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  mapping: readonly SiteImportField[];
  waves: readonly SiteImportWave[];
  existing: readonly ExistingImportSite[];
  users: readonly KnownUser[];
}

export interface SiteValidationResult {
  sites: SiteImportRow[];
  rowErrors: SiteImportRowError[];
  fileErrors: SiteImportFileError[];
  /** Rows that are not blank. */
  rowCount: number;
}

const MAX_TECHNICIANS = 50;
/** The input path of the site schemas each field is checked under. */
const SCHEMA_KEY: Record<SiteDataField, string> = {
  code: 'code',
  name: 'name',
  address: 'address',
  timeZone: 'timeZone',
  wave: 'waveId',
  windowStart: 'windowStart',
  windowEnd: 'windowEnd',
  ownerName: 'ownerName',
  ownerEmail: 'ownerEmail',
  ownerPhone: 'ownerPhone',
  technicians: 'technicians',
  notes: 'notes',
};
const FIELD_OF_KEY = new Map(Object.entries(SCHEMA_KEY).map(([field, key]) => [key, field as SiteDataField]));
/** A placeholder id for checking a row's fields with the `sites.update` schema (one rule set for forms and import). */
const CHECK_ID = 'site-import-row';

function waveLookup(waves: readonly SiteImportWave[]) {
  return (cell: string): { id: string | null } | { error: string } => {
    const value = cell.trim();
    if (value === '') return { id: null };
    const bySequence = /^(?:wave\s*)?(\d{1,4})$/i.exec(value);
    if (bySequence) {
      const wave = waves.find((w) => w.sequence === Number(bySequence[1]));
      if (wave) return { id: wave.id };
    }
    const named = waves.filter((w) => w.name.trim().toLowerCase() === value.toLowerCase());
    if (named.length === 1) return { id: named[0]!.id };
    if (named.length > 1) return { error: `Several waves are named "${value}": give the wave number instead` };
    return {
      error: `Unknown wave "${value.slice(0, 60)}" (give a wave name or number of this deployment: ${waves.map((w) => `${w.sequence}. ${w.name}`).join(', ') || 'it has no waves'})`,
    };
  };
}

/** Technician names matched to known users by user name or display name; others stay names. */
function technicianLookup(users: readonly KnownUser[]) {
  const byName = new Map<string, SiteTechnician>();
  for (const u of users) byName.set(u.displayName.trim().toLowerCase(), { id: u.id, name: u.displayName.trim() || u.username });
  for (const u of users) byName.set(u.username.trim().toLowerCase(), { id: u.id, name: u.displayName.trim() || u.username });
  return (cell: string): SiteTechnician[] =>
    uniqueTechnicians(
      cell
        .split(/[;,]/)
        .map((n) => n.trim())
        .filter((n) => n !== '')
        .map((n) => byName.get(n.toLowerCase()) ?? { id: null, name: n }),
    );
}

const technicianKey = (list: readonly SiteTechnician[]) => list.map((t) => `${t.id ?? ''}:${t.name}`).join('|');
const sameInstant = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));

/** A field's value as the diff and the export show it. */
export function displayValue(field: SiteDataField, site: Partial<SiteValues>, timeZone: string, waves: readonly SiteImportWave[]): string {
  switch (field) {
    case 'wave':
      return waves.find((w) => w.id === site.waveId)?.name ?? '';
    case 'windowStart':
      return windowCell(site.windowStart ?? null, timeZone);
    case 'windowEnd':
      return windowCell(site.windowEnd ?? null, timeZone);
    case 'technicians':
      return (site.technicians ?? []).map((t) => t.name).join('; ');
    default:
      return String(site[field] ?? '');
  }
}

function sameValue(field: SiteDataField, a: Partial<SiteValues>, b: Partial<SiteValues>): boolean {
  if (field === 'windowStart' || field === 'windowEnd') return sameInstant(a[field] ?? null, b[field] ?? null);
  if (field === 'technicians') return technicianKey(a.technicians ?? []) === technicianKey(b.technicians ?? []);
  if (field === 'wave') return (a.waveId ?? null) === (b.waveId ?? null);
  return a[field] === b[field];
}

/**
 * Checks every row of a mapped site list against the deployment and says, per site, whether it is
 * new, changed (field by field) or unchanged. Sites are matched by code; a signed-off site is not
 * changed by an import. Pure: the core runs it for the preview and again at commit.
 */
export function validateSiteRows(input: SiteValidationInput): SiteValidationResult {
  const col = new Map<SiteDataField, number>();
  input.mapping.forEach((field, index) => {
    if (field !== 'ignore' && !col.has(field) && index < input.headers.length) col.set(field, index);
  });
  const fileErrors: SiteImportFileError[] = REQUIRED_SITE_FIELDS.filter((f) => !col.has(f)).map((f) => ({
    code: 'missing_column' as const,
    message: `Missing required column: ${SITE_IMPORT_FIELD_LABEL[f].toLowerCase()}${f === 'timeZone' ? ' (an IANA zone per site, e.g. "Time zone" or "TZ"; never assumed to be UTC)' : ''}`,
  }));
  const header = (field: SiteDataField) => input.headers[col.get(field) ?? -1] ?? null;
  const existingByCode = new Map(input.existing.map((s) => [s.code, s]));
  const wave = waveLookup(input.waves);
  const technicians = technicianLookup(input.users);
  const rowErrors: SiteImportRowError[] = [];
  const sites: SiteImportRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  const duplicates = new Set<string>();
  let rowCount = 0;

  input.rows.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    rowCount += 1;
    if (fileErrors.length > 0) return;
    const row = index + 1;
    const cell = (field: SiteDataField) => {
      const i = col.get(field);
      return i === undefined ? undefined : (cells[i] ?? '').trim();
    };
    const errors: SiteImportRowError[] = [];
    const fail = (field: SiteDataField, message: string) => errors.push({ row, column: header(field), message });

    const code = cell('code') ?? '';
    if (code === '') fail('code', 'Missing site code');
    else if (firstRowOfCode.has(code)) {
      const first = firstRowOfCode.get(code)!;
      fail('code', `Duplicate code ${code} (also in row ${first})`);
      if (!duplicates.has(code))
        rowErrors.push({ row: first, column: header('code'), message: `Duplicate code ${code} (also in row ${row})` });
      duplicates.add(code);
    } else firstRowOfCode.set(code, row);
    const current = existingByCode.get(code);

    const values: Partial<SiteValues> = { code };
    for (const field of ['name', 'address', 'ownerName', 'ownerEmail', 'ownerPhone', 'notes'] as const) {
      const v = cell(field);
      if (v !== undefined) values[field] = v;
    }
    const zone = cell('timeZone') ?? '';
    if (zone === '') fail('timeZone', 'Missing time zone: give an IANA zone such as Europe/Amsterdam (never assumed to be UTC)');
    else if (!isValidTimeZone(zone))
      fail('timeZone', `Unknown time zone "${zone.slice(0, 64)}": give an IANA zone such as Europe/Amsterdam`);
    else values.timeZone = zone;
    const waveCell = cell('wave');
    if (waveCell !== undefined) {
      const found = wave(waveCell);
      if ('error' in found) fail('wave', found.error);
      else values.waveId = found.id;
    }
    if (values.timeZone !== undefined) {
      for (const field of ['windowStart', 'windowEnd'] as const) {
        const v = cell(field);
        if (v === undefined) continue;
        const read = readWindowCell(v, values.timeZone);
        if ('error' in read) fail(field, read.error);
        else values[field] = read.iso;
      }
      const start = values.windowStart === undefined ? (current?.windowStart ?? null) : values.windowStart;
      const end = values.windowEnd === undefined ? (current?.windowEnd ?? null) : values.windowEnd;
      if (
        !errors.some((e) => e.column === header('windowStart') || e.column === header('windowEnd')) &&
        !siteWindowIsValid({ windowStart: start, windowEnd: end })
      ) {
        fail(
          col.has('windowEnd') ? 'windowEnd' : 'windowStart',
          `${SITE_WINDOW_MESSAGE} (${windowCell(start, values.timeZone)} → ${windowCell(end, values.timeZone)}, site time)`,
        );
      }
    }
    const techCell = cell('technicians');
    if (techCell !== undefined) {
      values.technicians = technicians(techCell);
      if (values.technicians.length > MAX_TECHNICIANS) fail('technicians', `At most ${MAX_TECHNICIANS} technicians per site`);
    }
    // Lengths and required names: the same schema as "Edit site".
    const { code: checkedCode, ...rest } = values;
    const checked = siteUpdateSchema.safeParse({
      siteId: CHECK_ID,
      ...(checkedCode ? { code: checkedCode } : {}),
      ...rest,
      technicians: values.technicians?.map((t) => (t.id ? t : t.name)),
    });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = FIELD_OF_KEY.get(String(issue.path[0] ?? ''));
        if (field && !errors.some((e) => e.column === header(field))) fail(field, issue.message);
      }
    }
    if (!current && col.has('name') && values.name === '') {
      if (!errors.some((e) => e.column === header('name'))) fail('name', 'Missing site name');
    }
    if (errors.length > 0) {
      rowErrors.push(...errors);
      return;
    }
    const changes: SiteFieldChange[] = [];
    if (current) {
      const was: Partial<SiteValues> = current;
      for (const field of [...col.keys()]) {
        if (field === 'code' || sameValue(field, was, values)) continue;
        changes.push({
          field,
          from: displayValue(field, was, current.timeZone, input.waves),
          to: displayValue(field, values, values.timeZone ?? current.timeZone, input.waves),
        });
      }
      if (changes.length > 0 && current.status === 'signed_off') {
        const what = changes.map((c) => SITE_IMPORT_FIELD_LABEL[c.field].toLowerCase()).join(', ');
        rowErrors.push({
          row,
          column: header(changes[0]!.field),
          message: `Site ${code} is signed off: an import does not change it (this row changes ${what})`,
        });
        return;
      }
    }
    sites.push({
      row,
      code,
      name: values.name ?? current?.name ?? '',
      siteId: current?.id ?? null,
      status: current ? (changes.length > 0 ? 'changed' : 'unchanged') : 'new',
      values,
      changes,
    });
  });
  if (rowCount === 0) fileErrors.push({ code: 'no_rows', message: 'The file has a header but no rows' });
  const clean = duplicates.size === 0 ? sites : sites.filter((s) => !duplicates.has(s.code));
  rowErrors.sort((a, b) => a.row - b.row);
  return { sites: fileErrors.length > 0 ? [] : clean, rowErrors, fileErrors, rowCount };
}
