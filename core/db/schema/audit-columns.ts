import { text } from 'drizzle-orm/sqlite-core';

/** Who created and last changed a row, and when. Every domain table carries these. */
export const auditColumns = {
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
};
