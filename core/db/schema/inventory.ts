import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { auditColumns } from './audit-columns';
import type { InventoryState } from './column-types';

export const inventoryItems = sqliteTable('inventory_items', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull(),
  componentId: text('component_id'),
  manufacturer: text('manufacturer').notNull(),
  model: text('model').notNull(),
  expectedSerial: text('expected_serial'),
  /** Upper-cased, trimmed expected serial: what scans are matched against. */
  expectedSerialKey: text('expected_serial_key'),
  assetTag: text('asset_tag'),
  room: text('room').notNull(),
  rack: text('rack').notNull(),
  unit: text('unit').notNull(),
  foundSerial: text('found_serial'),
  foundSerialKey: text('found_serial_key'),
  state: text('state').$type<InventoryState>().notNull(),
  isSurplus: integer('is_surplus', { mode: 'boolean' }).notNull(),
  receivedAt: text('received_at'),
  receivedBy: text('received_by'),
  note: text('note').notNull(),
  ...auditColumns,
});
