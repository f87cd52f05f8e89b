import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** This device's bulk edits of a deployment's sites (migration 24); `before_json` undoes the last one. */
export const bulkEdits = sqliteTable('bulk_edits', {
  id: text('id').primaryKey(),
  deploymentId: text('deployment_id').notNull(),
  action: text('action').notNull(),
  summary: text('summary').notNull(),
  siteCount: integer('site_count').notNull(),
  beforeJson: text('before_json').notNull(),
  at: text('at').notNull(),
  by: text('by').notNull(),
  undoneAt: text('undone_at'),
  undoneBy: text('undone_by'),
});

/** Per iCalendar UID this device sent: content hash, SEQUENCE, cancelled (migration 24). */
export const calendarEvents = sqliteTable('calendar_events', {
  uid: text('uid').primaryKey(),
  siteId: text('site_id').notNull(),
  audience: text('audience').notNull(),
  contentSha256: text('content_sha256').notNull(),
  sequence: integer('sequence').notNull().default(0),
  cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
});
