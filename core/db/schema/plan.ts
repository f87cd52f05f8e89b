import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ComponentKind, ComponentScope, DeploymentStatus, SiteStatus } from './column-types';
import type { SiteLanguage } from '../../../shared/i18n/languages';
import { auditColumns } from './audit-columns';
import { techniciansColumn } from './technicians-column';

export const deployments = sqliteTable('deployments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  version: text('version').notNull(),
  description: text('description').notNull(),
  status: text('status').$type<DeploymentStatus>().notNull(),
  quietPeriodDays: integer('quiet_period_days').notNull(),
  ...auditColumns,
});

export const waves = sqliteTable('waves', {
  id: text('id').primaryKey(),
  deploymentId: text('deployment_id').notNull(),
  name: text('name').notNull(),
  sequence: integer('sequence').notNull(),
  isPilot: integer('is_pilot', { mode: 'boolean' }).notNull(),
  startsAt: text('starts_at'),
  endsAt: text('ends_at'),
  ...auditColumns,
});

export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  deploymentId: text('deployment_id').notNull(),
  waveId: text('wave_id'),
  code: text('code').notNull(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  timeZone: text('time_zone').notNull(),
  ownerName: text('owner_name').notNull(),
  ownerEmail: text('owner_email').notNull(),
  ownerPhone: text('owner_phone').notNull(),
  windowStart: text('window_start'),
  windowEnd: text('window_end'),
  technicians: techniciansColumn('technicians').notNull(),
  status: text('status').$type<SiteStatus>().notNull(),
  /** Free text from the plan or a site import ('' = none). */
  notes: text('notes').notNull().default(''),
  /** The site owner's language; null = from the site's country (shared/i18n/languages.ts). */
  language: text('language').$type<SiteLanguage>(),
  ...auditColumns,
});

export const components = sqliteTable('components', {
  id: text('id').primaryKey(),
  deploymentId: text('deployment_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<ComponentKind>().notNull(),
  scope: text('scope').$type<ComponentScope>().notNull(),
  targetVersion: text('target_version'),
  manufacturer: text('manufacturer'),
  model: text('model'),
  ...auditColumns,
});

export const requirements = sqliteTable('requirements', {
  id: text('id').primaryKey(),
  deploymentId: text('deployment_id').notNull(),
  targetRole: text('target_role'),
  kind: text('kind').notNull(),
  description: text('description').notNull(),
  params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  ...auditColumns,
});
