import { z } from 'zod';

/** What a file column can mean for a site ('ignore' drops it). */
export const siteImportFieldSchema = z.enum([
  'code',
  'name',
  'address',
  'timeZone',
  'wave',
  'windowStart',
  'windowEnd',
  'ownerName',
  'ownerEmail',
  'ownerPhone',
  'technicians',
  'notes',
  'ignore',
]);
export type SiteImportField = z.infer<typeof siteImportFieldSchema>;
export type SiteDataField = Exclude<SiteImportField, 'ignore'>;

export const SITE_IMPORT_FIELD_LABEL: Record<SiteImportField, string> = {
  code: 'Code',
  name: 'Name',
  address: 'Address',
  timeZone: 'Time zone',
  wave: 'Wave',
  windowStart: 'Window start',
  windowEnd: 'Window end',
  ownerName: 'Owner name',
  ownerEmail: 'Owner e-mail',
  ownerPhone: 'Owner phone',
  technicians: 'Technicians',
  notes: 'Notes',
  ignore: 'Ignore',
};

/** The export's columns, in order: what the import recognises first, so export → import changes nothing. */
export const SITE_EXPORT_FIELDS: readonly SiteDataField[] = siteImportFieldSchema.options.filter((f): f is SiteDataField => f !== 'ignore');

/** Columns a file must have: a site is found by its code, and its times mean nothing without a zone. */
export const REQUIRED_SITE_FIELDS: readonly SiteDataField[] = ['code', 'name', 'timeZone'];
