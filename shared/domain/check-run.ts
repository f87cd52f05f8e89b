import { z } from 'zod';
import { factsSchema } from '../checks/facts';
import { checkStatusSchema, requirementResultSchema } from '../checks/results';
import { idSchema } from './audit';

export const checkOutcomeSchema = z.enum([
  'completed',
  'host_key_unknown',
  'host_key_changed',
  'unreachable',
  'timeout',
  'auth_failed',
  'windows',
  'cancelled',
  'error',
]);
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;

/** A SHA256 host key fingerprint as OpenSSH prints it. */
export const fingerprintSchema = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'Give a fingerprint like SHA256:… (43 base64 characters)');

export const checkCountsSchema = z.object({
  pass: z.number().int(),
  fail: z.number().int(),
  error: z.number().int(),
  skipped: z.number().int(),
});
export type CheckCounts = z.infer<typeof checkCountsSchema>;

export const hostKeySeenSchema = z.object({ algorithm: z.string(), fingerprint: z.string() });

/** One stored check of one target (or of this machine when `targetId` is null). Immutable once finished. */
export const checkRunSummarySchema = z.object({
  id: idSchema,
  siteId: idSchema,
  targetId: idSchema.nullable(),
  targetLabel: z.string(),
  jobId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  by: z.string(),
  outcome: checkOutcomeSchema,
  message: z.string(),
  /** The key the host presented (or null when it never got that far). */
  hostKey: hostKeySeenSchema.nullable(),
  /** For host_key_changed: the fingerprint that was trusted. */
  expectedFingerprint: z.string().nullable(),
  counts: checkCountsSchema,
  durationMs: z.number().int(),
});
export type CheckRunSummary = z.infer<typeof checkRunSummarySchema>;

export const runDifferenceSchema = z.object({
  requirements: z.array(
    z.object({
      requirementId: z.string(),
      description: z.string(),
      before: checkStatusSchema.nullable(),
      after: checkStatusSchema.nullable(),
    }),
  ),
  facts: z.array(z.object({ fact: z.string(), before: z.string(), after: z.string() })),
});
export type RunDifference = z.infer<typeof runDifferenceSchema>;

export const checkRunDetailSchema = checkRunSummarySchema.extend({
  facts: factsSchema.nullable(),
  results: z.array(requirementResultSchema),
  previousRunId: idSchema.nullable(),
  /** Null when there is no previous run to compare with. */
  difference: runDifferenceSchema.nullable(),
});
export type CheckRunDetail = z.infer<typeof checkRunDetailSchema>;

/** `interrupted`: the job was cut short (crash, restart) and this host could not be resumed; it can be retried. */
export const hostPhaseSchema = z.enum(['queued', 'connecting', 'probing', 'done', 'interrupted']);
export type HostPhase = z.infer<typeof hostPhaseSchema>;

export const checkJobHostSchema = z.object({
  targetId: idSchema.nullable(),
  label: z.string(),
  phase: hostPhaseSchema,
  outcome: checkOutcomeSchema.nullable(),
  message: z.string(),
  runId: idSchema.nullable(),
  counts: checkCountsSchema.nullable(),
  hostKey: hostKeySeenSchema.nullable(),
  expectedFingerprint: z.string().nullable(),
});
export type CheckJobHost = z.infer<typeof checkJobHostSchema>;

export const checkJobStatusSchema = z.object({
  jobId: z.string(),
  siteId: idSchema,
  state: z.enum(['running', 'finished', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  hosts: z.array(checkJobHostSchema),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});
export type CheckJobStatus = z.infer<typeof checkJobStatusSchema>;

/** A host of an interrupted job that was not checked again since (the Machines tab offers Retry). */
export const interruptedHostSchema = z.object({
  jobId: z.string(),
  targetId: idSchema.nullable(),
  label: z.string(),
  message: z.string(),
  jobStartedAt: z.string(),
});
export type InterruptedHost = z.infer<typeof interruptedHostSchema>;

export const credentialKindSchema = z.enum(['key', 'agent', 'password', 'keyboard-interactive']);
export type CredentialKind = z.infer<typeof credentialKindSchema>;

/** How to sign in to a target. Never holds the secret: only whether one is stored on this device. */
export const credentialSummarySchema = z.object({
  targetId: idSchema,
  kind: credentialKindSchema,
  keyPath: z.string().nullable(),
  username: z.string().nullable(),
  useSudo: z.boolean(),
  hasSecret: z.boolean(),
});
export type CredentialSummary = z.infer<typeof credentialSummarySchema>;

export const trustedHostKeySchema = z.object({
  targetId: idSchema,
  algorithm: z.string(),
  fingerprint: z.string(),
  trustedAt: z.string(),
  trustedBy: z.string(),
  source: z.enum(['first_contact', 'plan', 'known_hosts']),
});
export type TrustedHostKey = z.infer<typeof trustedHostKeySchema>;

export const knownHostsImportSchema = z.object({
  pinned: z.array(z.object({ targetId: idSchema, hostName: z.string(), algorithm: z.string(), fingerprint: z.string() })),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** Entries that matched none of the site's targets. */
  unmatched: z.number().int(),
});
export type KnownHostsImport = z.infer<typeof knownHostsImportSchema>;
