import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { roleSchema } from '../domain/enums';
import { checkServerAddress } from '../sync/server-address';
import { serverUserEntrySchema } from '../sync/user-list-wire';
import { action, command, managersOnly, query } from './define';

/** The device's account on a central server (never the token: that stays in the secret store). */
export const syncAccountSchema = z.object({
  serverUrl: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  deviceId: z.string(),
  signedInAt: z.string(),
});
export type SyncAccount = z.infer<typeof syncAccountSchema>;

export const syncProgressSchema = z.object({
  phase: z.enum(['push', 'attachments_up', 'pull', 'attachments_down']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const syncErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** Technical detail for support: HTTP status, the server's answer, the network error. */
  detail: z.string().optional(),
  at: z.string(),
});

export const syncStatusSchema = z.object({
  account: syncAccountSchema.nullable(),
  /** `offline`: the last attempt could not reach the server; `error`: it answered with an error. */
  state: z.enum(['signed_out', 'idle', 'syncing', 'offline', 'error']),
  online: z.boolean(),
  pendingOperations: z.number().int().nonnegative(),
  pendingAttachments: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  /** Pulled rows this device could not store (`sync.quarantine`): the rest of their page was stored. */
  quarantined: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  lastError: syncErrorSchema.nullable(),
  progress: syncProgressSchema.nullable(),
  /** Sites pulled completely (with attachments) by "Prepare for site", and when. */
  preparedSites: z.array(z.object({ siteId: idSchema, preparedAt: z.string() })),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncConflictSchema = z.object({
  opId: z.string(),
  entity: z.string(),
  rowId: z.string(),
  kind: z.enum(['insert', 'update', 'delete']),
  code: z.string(),
  reason: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  rejectedAt: z.string(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

/** A pulled row this device could not store: kept aside with the reason until the server sends a storable version. */
export const quarantinedRowSchema = z.object({
  entity: z.string(),
  rowId: z.string(),
  partition: z.string(),
  version: z.number().int(),
  /** The row as the server sent it (null for a tombstone). */
  data: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** When the server was told (null: not yet). */
  reportedAt: z.string().nullable(),
});
export type QuarantinedRow = z.infer<typeof quarantinedRowSchema>;

export const serverSiteSchema = z.object({
  siteId: idSchema,
  deploymentId: idSchema,
  label: z.string(),
  prepared: z.boolean(),
});

/** https:// anywhere, http:// only on this computer (shared/sync/server-address.ts): refused before any connection. */
const serverUrlSchema = z
  .string()
  .trim()
  .max(500)
  .superRefine((value, ctx) => {
    const check = checkServerAddress(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
  });

/** A SHA-256 certificate fingerprint as people paste it (`AB:CD:…`, any case, with or without colons). */
const fingerprintSchema = z
  .string()
  .trim()
  .max(120)
  .refine((value) => value.replace(/^sha-?256:/i, '').replace(/[^0-9a-f]/gi, '').length === 64, 'A SHA-256 fingerprint has 64 hex digits');

export const peerCertificateSchema = z.object({
  fingerprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  altNames: z.string(),
  caVerified: z.boolean(),
});

/** What a server presents and what this device trusts for it (like an SSH host key). */
export const serverCertificateCheckSchema = z.object({
  serverUrl: z.string(),
  origin: z.string(),
  /** `loopback_http`: a server on this computer, nothing to pin; `new`: compare and trust; `changed`: refused until re-trusted. */
  state: z.enum(['loopback_http', 'new', 'trusted', 'changed']),
  certificate: peerCertificateSchema.nullable(),
  pinned: z.object({ fingerprint: z.string(), trustedAt: z.string(), trustedBy: z.string() }).nullable(),
});
export type ServerCertificateCheck = z.infer<typeof serverCertificateCheckSchema>;

export const syncMethods = {
  'sync.status': query(z.object({}).strict(), syncStatusSchema, 'Sign-in, connectivity, pending changes, last sync and the last error'),
  'sync.signIn': action(
    z
      .object({
        serverUrl: serverUrlSchema,
        username: z.string().trim().min(1, 'User name is required').max(100),
        password: z.string().min(1, 'Password is required').max(1000),
        deviceName: z.string().trim().min(1).max(200).optional(),
        /** The certificate fingerprint the person compared and trusts (first sign-in, or after it changed). */
        trustCertificate: fingerprintSchema.optional(),
      })
      .strict(),
    syncStatusSchema,
    'Sign this device in to a central server once; the device token goes to the secret store',
  ),
  'sync.inspectServer': action(
    z.object({ serverUrl: serverUrlSchema }).strict(),
    serverCertificateCheckSchema,
    'The certificate the server presents (TLS handshake only, nothing sent) and whether this device trusts it',
  ),
  'sync.trustCertificate': action(
    z.object({ serverUrl: serverUrlSchema, fingerprint: fingerprintSchema }).strict(),
    serverCertificateCheckSchema,
    'Trust (pin) the server certificate a person compared; refused unless the server presents exactly that one now',
  ),
  'sync.signOut': action(
    z.object({ discardPending: z.boolean().default(false) }).strict(),
    syncStatusSchema,
    'Sign out and revoke this device (refused while changes are waiting, unless they are discarded on purpose)',
  ),
  'sync.now': command(
    z.object({}).strict(),
    z.object({ started: z.boolean() }),
    'Push waiting changes and pull news now, in the background',
  ),
  'sync.serverSites': action(
    z.object({}).strict(),
    z.array(serverSiteSchema),
    'The sites this account may work on, as the server lists them',
  ),
  'sync.serverUsers': managersOnly(
    action(
      z.object({}).strict(),
      z.array(serverUserEntrySchema),
      "The server's technicians, to name a site's technicians by user (release managers)",
    ),
  ),
  'sync.prepareSites': command(
    z.object({ siteIds: z.array(idSchema).min(1).max(200) }).strict(),
    z.object({ started: z.boolean() }),
    'Pull everything for the chosen sites, attachments included, before going on site',
  ),
  'sync.conflicts': query(z.object({}).strict(), z.array(syncConflictSchema), 'Changes the server refused, with its reason'),
  'sync.quarantine': query(
    z.object({}).strict(),
    z.array(quarantinedRowSchema),
    'Pulled rows this device could not store, with the reason (the rest was stored)',
  ),
  'sync.dismissConflict': command(
    z.object({ opId: z.string().max(64) }).strict(),
    z.object({ dismissed: z.boolean() }),
    'Acknowledge a refused change',
  ),
  'sync.publish': managersOnly(
    command(
      z.object({ deploymentId: idSchema }).strict(),
      z.object({ queued: z.number().int() }),
      'Publish a deployment plan: queue every row of it for the server; later edits follow on each sync',
    ),
  ),
} as const;
