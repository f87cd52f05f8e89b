import Papa from 'papaparse';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { NETBOX_HEADERS, netboxRow, SNIPE_IT_HEADERS, snipeItRow, type ExportItem } from '../../shared/inventory-import/export-layouts';
import { notFound } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';

/** A site's expected (not surplus) inventory as CSV another tool can import. */
export function exportInventory(ctx: ServiceContext, input: ApiParsedInput<'inventoryImport.export'>): ApiOutput<'inventoryImport.export'> {
  const site = ctx.sqlite.prepare('SELECT code, name FROM sites WHERE id = ?').get(input.siteId) as
    { code: string; name: string } | undefined;
  if (!site) throw notFound('Site', input.siteId);
  const items = ctx.sqlite
    .prepare(
      `SELECT manufacturer, model, expected_serial AS expectedSerial, asset_tag AS assetTag, room, rack, unit
       FROM inventory_items WHERE site_id = ? AND is_surplus = 0 ORDER BY room, rack, unit, expected_serial`,
    )
    .all(input.siteId) as ExportItem[];
  const snipe = input.layout === 'snipe-it';
  const fields: string[] = snipe ? [...SNIPE_IT_HEADERS] : [...NETBOX_HEADERS];
  const data = items.map((item) => (snipe ? snipeItRow(item) : netboxRow(item, site)));
  const csv = Papa.unparse({ fields, data }, { newline: '\r\n' });
  const safeCode = site.code.replace(/[^A-Za-z0-9_-]+/g, '_');
  return { fileName: `${safeCode}-inventory-${input.layout}.csv`, csv: `${csv}\r\n`, rowCount: items.length };
}
