import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role } from './column-types';

/** The single local profile row (id = 1). */
export const profile = sqliteTable('profile', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Append-only log of every change: who did what to which record, and when. */
export const activity = sqliteTable('activity', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  siteId: text('site_id'),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
});
