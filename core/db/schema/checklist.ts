import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { auditColumns } from './audit-columns';
import type { ChecklistItemState, ChecklistPhase, EvidenceKind } from './column-types';

export const checklistTemplates = sqliteTable('checklist_templates', {
  id: text('id').primaryKey(),
  deploymentId: text('deployment_id').notNull(),
  name: text('name').notNull(),
  ...auditColumns,
});

/** Columns a template item and a site's copy of it share (a fresh set per table). */
const itemContentColumns = () => ({
  phase: text('phase').$type<ChecklistPhase>().notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  instructions: text('instructions').notNull(),
  required: integer('required', { mode: 'boolean' }).notNull(),
  evidence: text('evidence').$type<EvidenceKind>().notNull(),
  dependsOn: text('depends_on'),
});

export const checklistTemplateItems = sqliteTable('checklist_template_items', {
  id: text('id').primaryKey(),
  templateId: text('template_id').notNull(),
  ...itemContentColumns(),
  /** A before item the site owner prepares (in the owner's calendar text). */
  ownerPrepares: integer('owner_prepares', { mode: 'boolean' }).notNull().default(false),
});

export const checklistItems = sqliteTable('checklist_items', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull(),
  templateItemId: text('template_item_id'),
  ...itemContentColumns(),
  state: text('state').$type<ChecklistItemState>().notNull(),
  note: text('note').notNull(),
  stateBy: text('state_by'),
  stateAt: text('state_at'),
  ...auditColumns,
});

export const checklistPhases = sqliteTable(
  'checklist_phases',
  {
    siteId: text('site_id').notNull(),
    phase: text('phase').$type<ChecklistPhase>().notNull(),
    completedAt: text('completed_at').notNull(),
    completedBy: text('completed_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.phase] })],
);
