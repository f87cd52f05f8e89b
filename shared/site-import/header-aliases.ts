import { mapColumns, normalizeHeader } from '../inventory-import/header-aliases';
import type { SiteDataField, SiteImportField } from './fields';

/**
 * Header names (lower case, inner white space folded) a site list may use, mapped to site
 * fields: the export's own headers first, then what store lists and planning sheets call them.
 */
const FIELD_ALIASES: Record<SiteDataField, readonly string[]> = {
  code: [
    'code',
    'site code',
    'store code',
    'store',
    'store number',
    'store no',
    'store no.',
    'site id',
    'site',
    'branch code',
    'location code',
  ],
  name: ['name', 'site name', 'store name', 'branch', 'branch name', 'location', 'location name'],
  address: ['address', 'site address', 'store address', 'street address', 'full address'],
  timeZone: ['time zone', 'timezone', 'tz', 'time zone (iana)', 'iana time zone', 'zone'],
  wave: ['wave', 'wave name', 'wave number', 'wave no', 'rollout wave'],
  windowStart: ['window start', 'window start (site time)', 'start', 'starts', 'start time', 'scheduled start', 'window from', 'from'],
  windowEnd: ['window end', 'window end (site time)', 'end', 'ends', 'end time', 'scheduled end', 'window to', 'to'],
  ownerName: ['owner name', 'owner', 'site owner', 'store manager', 'manager', 'contact', 'contact name'],
  ownerEmail: [
    'owner e-mail',
    'owner email',
    'owner mail',
    'e-mail',
    'email',
    'contact e-mail',
    'contact email',
    'manager email',
    'manager e-mail',
  ],
  ownerPhone: ['owner phone', 'owner telephone', 'phone', 'telephone', 'contact phone', 'manager phone', 'mobile'],
  technicians: ['technicians', 'technician', 'techs', 'engineers', 'engineer', 'assigned technicians', 'assigned to'],
  notes: ['notes', 'note', 'remarks', 'comments', 'comment', 'site notes', 'access notes'],
};

const ALIAS_TO_FIELD = new Map<string, SiteDataField>(
  Object.entries(FIELD_ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as SiteDataField] as const)),
);

export function siteFieldForHeader(header: string): SiteImportField {
  return ALIAS_TO_FIELD.get(normalizeHeader(header)) ?? 'ignore';
}

/** "Site" next to "Store code" is the site's name; alone it is the code. */
const SECOND_CHOICE = new Map<string, SiteDataField>([
  ['site', 'name'],
  ['store', 'name'],
]);

/** The detected mapping: one field per column, the first column for a field wins. */
export function siteAutoMapping(headers: readonly string[]): SiteImportField[] {
  const mapping = mapColumns(headers, siteFieldForHeader);
  return mapping.map((field, i) => {
    const second = SECOND_CHOICE.get(normalizeHeader(headers[i] ?? ''));
    return field === 'ignore' && second && !mapping.includes(second) ? second : field;
  });
}
