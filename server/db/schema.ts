import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ColumnWrites } from '../sync/column-writes';

/**
 * Drizzle table definitions mirroring `migrations/central/0001_initial.ts`, for typed queries. The
 * SQL migrations are the source of truth; keep these in step when a central migration is added.
 */

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** BYTEA as a Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['technician', 'release_manager', 'administrator'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  passwordChangedAt: tstz('password_changed_at').notNull().defaultNow(),
  disabledAt: tstz('disabled_at'),
});

export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at'),
    revokedAt: tstz('revoked_at'),
    appChannel: text('app_channel', { enum: ['stable', 'pilot'] })
      .notNull()
      .default('stable'),
    appVersion: text('app_version'),
    appVersionAt: tstz('app_version_at'),
  },
  (t) => [index('devices_user').on(t.userId)],
);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    remoteAddress: text('remote_address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_recent').on(t.username, t.at)],
);

export const partitions = pgTable(
  'partitions',
  {
    key: text('key').primaryKey(),
    scope: text('scope', { enum: ['deployment', 'site'] }).notNull(),
    deploymentId: text('deployment_id').notNull(),
    siteId: text('site_id'),
    label: text('label').notNull().default(''),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    retainedFrom: bigint('retained_from', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('partitions_deployment').on(t.deploymentId)],
);

export const deploymentManagers = pgTable(
  'deployment_managers',
  {
    deploymentId: text('deployment_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.deploymentId, t.userId] })],
);

export const siteAssignments = pgTable(
  'site_assignments',
  {
    siteId: text('site_id').notNull(),
    deploymentId: text('deployment_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.userId] }), index('site_assignments_user').on(t.userId)],
);

export const docs = pgTable(
  'docs',
  {
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    partition: text('partition')
      .notNull()
      .references(() => partitions.key),
    version: integer('version').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    data: jsonb('data').$type<Record<string, string | number | null>>(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    updatedByDevice: uuid('updated_by_device'),
    columnWrites: jsonb('column_writes').$type<ColumnWrites>(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.rowId] }), index('docs_partition').on(t.partition, t.entity)],
);

export const changeLog = pgTable(
  'change_log',
  {
    partition: text('partition')
      .notNull()
      .references(() => partitions.key),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partition, t.seq] }), unique().on(t.entity, t.rowId)],
);

export const appliedOps = pgTable(
  'applied_ops',
  {
    opId: uuid('op_id').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    version: integer('version'),
    code: text('code'),
    reason: text('reason'),
    appliedAt: tstz('applied_at').notNull().defaultNow(),
  },
  (t) => [index('applied_ops_device').on(t.deviceId, t.appliedAt)],
);

export const overwrites = pgTable(
  'overwrites',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    partition: text('partition').notNull(),
    columnName: text('column_name').notNull(),
    replacedValue: jsonb('replaced_value'),
    replacedVersion: integer('replaced_version').notNull(),
    newValue: jsonb('new_value'),
    opId: uuid('op_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('overwrites_row').on(t.entity, t.rowId)],
);

export const blobs = pgTable(
  'blobs',
  {
    sha256: text('sha256').primaryKey(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    received: bigint('received', { mode: 'number' }).notNull().default(0),
    complete: boolean('complete').notNull().default(false),
    uploadedByDevice: uuid('uploaded_by_device'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    unreferencedSince: tstz('unreferenced_since').defaultNow(),
  },
  (t) => [index('blobs_uploaded_by').on(t.uploadedByDevice)],
);

export const blobHolders = pgTable(
  'blob_holders',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'cascade' }),
    deviceId: uuid('device_id').notNull(),
    proven: bigint('proven', { mode: 'number' }).notNull().default(0),
    complete: boolean('complete').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.deviceId] }), index('blob_holders_device').on(t.deviceId)],
);

export const blobChunks = pgTable(
  'blob_chunks',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'cascade' }),
    offset: bigint('offset', { mode: 'number' }).notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.offset] })],
);

export const blobRefs = pgTable(
  'blob_refs',
  {
    sha256: text('sha256').notNull(),
    partition: text('partition').notNull(),
    deviceId: uuid('device_id'),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.partition] })],
);

/** Every table, for `drizzle(client, { schema })`. */
export const centralSchema = {
  users,
  devices,
  signInAttempts,
  partitions,
  deploymentManagers,
  siteAssignments,
  docs,
  changeLog,
  appliedOps,
  overwrites,
  blobs,
  blobHolders,
  blobChunks,
  blobRefs,
};
