import { z } from 'zod';

/** What a file column can mean for an inventory item ('ignore' drops it). */
export const importFieldSchema = z.enum([
  'serial',
  'assetTag',
  'model',
  'modelNumber',
  'manufacturer',
  'room',
  'rack',
  'unit',
  'site',
  'name',
  'category',
  'status',
  'ignore',
]);
export type ImportField = z.infer<typeof importFieldSchema>;

export const importLayoutSchema = z.enum(['snipe-it', 'netbox', 'custom']);
export type ImportLayout = z.infer<typeof importLayoutSchema>;

export const IMPORT_FIELD_LABEL: Record<ImportField, string> = {
  serial: 'Expected serial',
  assetTag: 'Asset tag',
  model: 'Model',
  modelNumber: 'Model number',
  manufacturer: 'Manufacturer',
  room: 'Room (location)',
  rack: 'Rack',
  unit: 'Unit (position)',
  site: 'Site (code or name)',
  name: 'Name (skipped)',
  category: 'Category, role (skipped)',
  status: 'Status (skipped)',
  ignore: 'Ignore',
};

/** A column of the file must be mapped to this field before anything can be imported. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['serial'];

/** Fields at most one column may map to. */
export const SINGLE_COLUMN_FIELDS: readonly ImportField[] = importFieldSchema.options.filter((f) => f !== 'ignore');
