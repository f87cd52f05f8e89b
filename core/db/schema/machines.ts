import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { auditColumns } from './audit-columns';

/** Target machines. No secrets are ever stored here. */
export const targetMachines = sqliteTable('target_machines', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull(),
  hostName: text('host_name').notNull(),
  address: text('address').notNull(),
  port: integer('port').notNull(),
  username: text('username').notNull(),
  role: text('role').notNull(),
  inventoryItemId: text('inventory_item_id'),
  ...auditColumns,
});
