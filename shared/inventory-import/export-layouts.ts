/** What an export needs of one inventory item. */
export interface ExportItem {
  manufacturer: string;
  model: string;
  expectedSerial: string | null;
  assetTag: string | null;
  room: string;
  rack: string;
  unit: string;
}

export interface ExportSite {
  code: string;
  name: string;
}

/** Snipe-IT's asset import headers. */
export const SNIPE_IT_HEADERS = [
  'Asset Tag',
  'Asset Name',
  'Serial Number',
  'Model Name',
  'Model No.',
  'Category',
  'Manufacturer',
  'Location',
  'Status',
] as const;
/** NetBox's device bulk-import headers (plus rack placement). */
export const NETBOX_HEADERS = [
  'name',
  'role',
  'manufacturer',
  'device_type',
  'serial',
  'asset_tag',
  'status',
  'site',
  'location',
  'rack',
  'position',
  'face',
] as const;

export function snipeItRow(item: ExportItem): string[] {
  return [item.assetTag ?? '', '', item.expectedSerial ?? '', item.model, '', 'Hardware', item.manufacturer, item.room, 'Pending'];
}

export function netboxRow(item: ExportItem, site: ExportSite): string[] {
  const rackUnit = /^U\s?\d/i.test(item.unit);
  return [
    '',
    'hardware',
    item.manufacturer,
    item.model,
    item.expectedSerial ?? '',
    item.assetTag ?? '',
    'planned',
    site.code,
    item.room,
    item.rack,
    rackUnit ? item.unit.replace(/^U\s?/i, '') : item.unit,
    rackUnit ? 'front' : '',
  ];
}
