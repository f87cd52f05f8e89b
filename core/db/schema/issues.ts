import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { IssueCategory, IssueEvent, IssueLink, IssueSeverity, IssueStatus, ServiceImpact } from '../../../shared/domain/issue';
import { auditColumns } from './audit-columns';
import type { SiteStatus } from './column-types';

export const issues = sqliteTable('issues', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull(),
  number: integer('number').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  severity: text('severity').$type<IssueSeverity>().notNull(),
  category: text('category').$type<IssueCategory>().notNull(),
  status: text('status').$type<IssueStatus>().notNull(),
  blocksSignOff: integer('blocks_sign_off', { mode: 'boolean' }).notNull(),
  assignee: text('assignee'),
  escalationLevel: integer('escalation_level').notNull(),
  ...auditColumns,
  impact: text('impact').$type<ServiceImpact>(),
  impactComponentId: text('impact_component_id'),
  impactStartedAt: text('impact_started_at'),
  impactEndedAt: text('impact_ended_at'),
  impactUsersAffected: integer('impact_users_affected'),
});

export const issueLinks = sqliteTable(
  'issue_links',
  {
    issueId: text('issue_id').notNull(),
    kind: text('kind').$type<IssueLink['kind']>().notNull(),
    targetId: text('target_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.kind, t.targetId] })],
);

/** Append-only: triggers refuse UPDATE and DELETE. */
export const issueEvents = sqliteTable('issue_events', {
  id: text('id').primaryKey(),
  issueId: text('issue_id').notNull(),
  seq: integer('seq').notNull(),
  kind: text('kind').$type<IssueEvent['kind']>().notNull(),
  at: text('at').notNull(),
  by: text('by').notNull(),
  text: text('text').notNull(),
  fromStatus: text('from_status').$type<IssueStatus>(),
  toStatus: text('to_status').$type<IssueStatus>(),
  escalationLevel: integer('escalation_level'),
  assignee: text('assignee'),
});

/** Content-addressed files: the bytes live in <dataDir>/attachments/<sha256>. */
export const attachments = sqliteTable('attachments', {
  sha256: text('sha256').primaryKey(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

/** Which event of which issue carried which attachment (append-only). */
export const issueAttachments = sqliteTable(
  'issue_attachments',
  {
    eventId: text('event_id').notNull(),
    issueId: text('issue_id').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.sha256] })],
);

export const siteRollbacks = sqliteTable('site_rollbacks', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull(),
  reason: text('reason').notNull(),
  issueIds: text('issue_ids', { mode: 'json' }).$type<string[]>().notNull(),
  previousStatus: text('previous_status').$type<SiteStatus>().notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});
