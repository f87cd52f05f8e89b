import { z } from 'zod';
import { roleSchema } from '../domain/enums';
import { registeredKeySchema, signingKeySchema } from './device-key-wire';

/**
 * The HTTP protocol between a desktop and the central server (docs/sync-protocol.md). Both sides
 * parse everything they receive with these schemas.
 */

/** Bumped when the wire format changes incompatibly. */
export const SYNC_PROTOCOL_VERSION = 1;
/** The oldest client protocol the server still accepts. */
export const MIN_CLIENT_PROTOCOL_VERSION = 1;

/** Headers every request carries; the server answers 426 `client_too_old` when the protocol is too old. */
export const PROTOCOL_HEADER = 'x-outpost-protocol';
export const SCHEMA_HEADER = 'x-outpost-schema';

export const PUSH_MAX_OPERATIONS = 500;
export const PUSH_MAX_BYTES = 1024 * 1024;
export const PULL_MAX_LIMIT = 5000;
export const PULL_DEFAULT_LIMIT = 2000;
export const BLOB_CHUNK_BYTES = 512 * 1024;
export const BLOB_MAX_BYTES = 64 * 1024 * 1024;

/** `deployment:<id>` or `site:<id>`. */
export const partitionKeySchema = z.string().regex(/^(deployment|site):[A-Za-z0-9_-]{1,64}$/, 'Not a partition key');
export type PartitionKey = z.infer<typeof partitionKeySchema>;

export function partitionKey(scope: 'deployment' | 'site', id: string): PartitionKey {
  return `${scope}:${id}`;
}

export function parsePartitionKey(key: string): { scope: 'deployment' | 'site'; id: string } {
  const at = key.indexOf(':');
  return { scope: key.slice(0, at) as 'deployment' | 'site', id: key.slice(at + 1) };
}

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 hex digest');

/** A row in its wire form: column name → SQLite value. Checked against the entity's columns by each side. */
export const wireRowSchema = z.record(z.string().max(64), z.union([z.string().max(4_000_000), z.number(), z.null()]));
export type WireRow = z.infer<typeof wireRowSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---- accounts -------------------------------------------------------------------------------

export const serverUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type ServerUser = z.infer<typeof serverUserSchema>;

export const signInRequestSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(1000),
    deviceName: z.string().trim().min(1).max(200),
    protocolVersion: z.number().int(),
    /** The device's sign-off key, registered with the new device (a device without one registers on its next sync). */
    signingKey: signingKeySchema.optional(),
  })
  .strict();

export const signInResponseSchema = z.object({
  deviceId: z.string(),
  /** Shown once; the server keeps only its hash. Sent as `Authorization: Bearer <token>`. */
  token: z.string(),
  user: serverUserSchema,
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  /** The registration of the `signingKey` sent, as the server recorded it. */
  signingKey: registeredKeySchema.optional(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgresql']),
  schemaVersion: z.number().int(),
  protocolVersion: z.number().int(),
  minClientProtocolVersion: z.number().int(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const meResponseSchema = z.object({ user: serverUserSchema, deviceId: z.string(), deviceName: z.string() });

// ---- push -----------------------------------------------------------------------------------

export const operationKindSchema = z.enum(['insert', 'update', 'delete']);

/** One local change: an insert carries the whole row, an update the changed columns (and the key), a delete the key. */
export const operationSchema = z
  .object({
    opId: z.uuid({ version: 'v7' }),
    entity: z.string().max(64),
    rowId: z.string().min(1).max(512),
    kind: operationKindSchema,
    partition: partitionKeySchema,
    /** The row version the device last saw from the server (0: never seen). */
    baseVersion: z.number().int().nonnegative(),
    /** The device's local schema version when the change was made. */
    schemaVersion: z.number().int().positive(),
    data: wireRowSchema,
    createdAt: z.string().max(40),
  })
  .strict();
export type Operation = z.infer<typeof operationSchema>;

export const pushRequestSchema = z
  .object({
    protocolVersion: z.number().int(),
    schemaVersion: z.number().int(),
    operations: z.array(operationSchema).min(1).max(PUSH_MAX_OPERATIONS),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A value a later write replaced: kept on the server, visible to release managers. */
export const overwriteSchema = z.object({ column: z.string(), replaced: z.unknown(), by: z.unknown() });

export const operationResultSchema = z.discriminatedUnion('status', [
  z.object({ opId: z.string(), status: z.literal('applied'), version: z.number().int(), overwrote: z.array(overwriteSchema).optional() }),
  z.object({ opId: z.string(), status: z.literal('duplicate'), version: z.number().int().optional() }),
  z.object({ opId: z.string(), status: z.literal('rejected'), code: z.string(), reason: z.string() }),
]);
export type OperationResult = z.infer<typeof operationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(operationResultSchema), serverTime: z.string() });
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- pull -----------------------------------------------------------------------------------

export const partitionInfoSchema = z.object({
  partition: partitionKeySchema,
  deploymentId: z.string(),
  siteId: z.string().nullable(),
  /** Highest change sequence committed in the partition. */
  lastSeq: z.number().int().nonnegative(),
  /** Cursors below this are too old (tombstones were purged): the client needs a fresh snapshot. */
  retainedFrom: z.number().int().nonnegative(),
  label: z.string(),
});
export type PartitionInfo = z.infer<typeof partitionInfoSchema>;

export const partitionsResponseSchema = z.object({ partitions: z.array(partitionInfoSchema) });

export const pullRequestSchema = z
  .object({
    partition: partitionKeySchema,
    /** The cursor: the last sequence applied (0 for a snapshot). */
    after: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
    /**
     * True while the client loads a snapshot page by page (begun at `after: 0`): it removes the
     * rows absent from the snapshot when the last page is in, so a purged tombstone cannot be
     * missed, and the server does not answer `reset_required` to the later pages.
     */
    snapshot: z.boolean().optional(),
  })
  .strict();

export const changeSchema = z.object({
  seq: z.number().int().positive(),
  entity: z.string(),
  rowId: z.string(),
  version: z.number().int().positive(),
  deleted: z.boolean(),
  /** The row as the server has it now (null when deleted). */
  data: wireRowSchema.nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    partition: partitionKeySchema,
    changes: z.array(changeSchema),
    /** Store this as the partition's cursor, in the same local transaction as the changes. */
    cursor: z.number().int().nonnegative(),
    lastSeq: z.number().int().nonnegative(),
    more: z.boolean(),
  }),
  z.object({
    status: z.literal('reset_required'),
    partition: partitionKeySchema,
    retainedFrom: z.number().int(),
    lastSeq: z.number().int(),
  }),
]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---- attachments ----------------------------------------------------------------------------

export const blobStatusSchema = z.object({
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
  /** Bytes received so far: an interrupted upload resumes from here. */
  received: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type BlobStatus = z.infer<typeof blobStatusSchema>;
