import type { ImportField, ImportLayout } from './fields';

/**
 * Header names (lower case) of Snipe-IT asset imports and NetBox device imports and exports,
 * with the aliases Snipe-IT's importer documents, mapped to inventory fields.
 */
const FIELD_ALIASES: Record<Exclude<ImportField, 'ignore'>, readonly string[]> = {
  serial: ['serial number', 'serial no.', 'serial no', 'serial', 'serial_number', 'serialnumber', 'serial #'],
  assetTag: ['asset tag', 'asset_tag', 'asset tag number', 'assettag', 'tag'],
  model: ['model name', 'model', 'model_name', 'device_type', 'device type', 'type'],
  modelNumber: ['model no.', 'model no', 'model number', 'model_number', 'model #'],
  manufacturer: ['manufacturer', 'manufacturer name', 'make', 'vendor'],
  room: ['location', 'location name', 'room'],
  rack: ['rack', 'rack name'],
  unit: ['position', 'position (u)', 'unit', 'rack unit', 'u'],
  site: ['site', 'site code', 'site name'],
  name: ['asset name', 'name', 'item name', 'asset_name', 'hostname'],
  category: ['category', 'category name', 'role', 'device role', 'device_role'],
  status: ['status', 'status label'],
};

const ALIAS_TO_FIELD = new Map<string, ImportField>(
  Object.entries(FIELD_ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as ImportField] as const)),
);

/** Headers only one of the two layouts writes; used to tell them apart. */
const SIGNATURES: Record<Exclude<ImportLayout, 'custom'>, ReadonlySet<string>> = {
  'snipe-it': new Set([
    'asset tag',
    'asset name',
    'serial number',
    'serial no.',
    'serial no',
    'model name',
    'model no.',
    'model number',
    'category',
    'order number',
    'item name',
    'purchase date',
    'purchase cost',
    'supplier',
    'checked out to',
    'warranty',
  ]),
  netbox: new Set([
    'role',
    'device role',
    'device_role',
    'device_type',
    'device type',
    'type',
    'asset_tag',
    'site',
    'rack',
    'position',
    'face',
    'tenant',
    'platform',
    'airflow',
    'cluster',
    'parent',
    'id',
  ]),
};

/** Trims, drops a byte order mark and folds case and inner runs of white space. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export function fieldForHeader(header: string): ImportField {
  return ALIAS_TO_FIELD.get(normalizeHeader(header)) ?? 'ignore';
}

/** The layout whose distinctive headers the file has most of, or 'custom'. */
export function detectLayout(headers: readonly string[]): ImportLayout {
  const normalized = headers.map(normalizeHeader);
  const score = (layout: Exclude<ImportLayout, 'custom'>) => normalized.filter((h) => SIGNATURES[layout].has(h)).length;
  const snipe = score('snipe-it');
  const netbox = score('netbox');
  if (snipe === 0 && netbox === 0) return 'custom';
  return snipe >= netbox ? 'snipe-it' : 'netbox';
}

/**
 * One field per column: the first column for a field wins, later duplicates are ignored. Shared by
 * every table import (inventory, sites), each with its own header lookup.
 */
export function mapColumns<F extends string>(headers: readonly string[], fieldFor: (header: string) => F | 'ignore'): (F | 'ignore')[] {
  const taken = new Set<F>();
  return headers.map((h) => {
    const field = fieldFor(h);
    if (field === 'ignore' || taken.has(field)) return 'ignore';
    taken.add(field);
    return field;
  });
}

export function autoMapping(headers: readonly string[]): ImportField[] {
  return mapColumns(headers, fieldForHeader);
}
