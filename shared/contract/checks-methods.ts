import { z } from 'zod';
import { idSchema } from '../domain/audit';
import {
  checkJobStatusSchema,
  checkRunDetailSchema,
  checkRunSummarySchema,
  credentialKindSchema,
  credentialSummarySchema,
  fingerprintSchema,
  interruptedHostSchema,
  knownHostsImportSchema,
  trustedHostKeySchema,
} from '../domain/check-run';
import { targetMachineSchema } from '../domain/machine';
import { pendingApprovalSchema } from '../checks/plan-approval';
import { command, query } from './define';

export const CHECK_CONCURRENCY_DEFAULT = 8;
export const CHECK_CONCURRENCY_MAX = 32;

const jobRef = z.object({ jobId: z.string().min(1).max(64) }).strict();
/** An absolute path to a private key file on this device. */
const keyPathSchema = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .regex(/^(\/|~\/|[A-Za-z]:\\)[^\0\n\r]*$/, 'Give an absolute path to the private key file');
const secretSchema = z.string().min(1).max(1024);

export const machineCheckRowSchema = z.object({
  target: targetMachineSchema,
  credential: credentialSummarySchema.nullable(),
  hostKeys: z.array(trustedHostKeySchema),
  lastRun: checkRunSummarySchema.nullable(),
});
export type MachineCheckRow = z.infer<typeof machineCheckRowSchema>;

export const checksMethods = {
  'checks.start': command(
    z
      .object({
        siteId: idSchema,
        targetIds: z.array(idSchema).min(1).max(500).optional(),
        concurrency: z.number().int().min(1).max(CHECK_CONCURRENCY_MAX).default(CHECK_CONCURRENCY_DEFAULT),
      })
      .strict(),
    z.object({ jobId: z.string() }),
    "Check a site's target machines over SSH in the background; poll checks.status",
  ),
  'checks.checkThisMachine': command(
    z.object({ siteId: idSchema, role: z.string().trim().max(100).optional() }).strict(),
    z.object({ jobId: z.string() }),
    'Check the machine Outpost runs on against the site requirements, in the background',
  ),
  'checks.approvalsNeeded': query(
    z
      .object({
        siteId: idSchema,
        targetIds: z.array(idSchema).min(1).max(500).optional(),
        thisMachine: z.boolean().default(false),
        role: z.string().trim().max(100).optional(),
      })
      .strict(),
    z.array(pendingApprovalSchema),
    'The commands and file reads a check would run that the technician has not approved yet, per machine (user, sudo)',
  ),
  'checks.approveCommands': command(
    z
      .object({
        siteId: idSchema,
        approvals: z
          .array(
            z
              .object({
                targetId: idSchema.nullable(),
                role: z.string().trim().max(100).optional(),
                hash: z.string().regex(/^[0-9a-f]{64}$/),
              })
              .strict(),
          )
          .min(1)
          .max(500),
      })
      .strict(),
    z.object({ approved: z.number().int() }),
    'Approve the commands and file reads shown for each machine (by their hash); a plan changed since is refused',
  ),
  'checks.status': query(jobRef, checkJobStatusSchema, 'Progress of a check job: phase, outcome and run per host'),
  'checks.cancel': command(jobRef, checkJobStatusSchema, 'Cancel a running check job'),
  'checks.interrupted': query(
    z.object({ siteId: idSchema }).strict(),
    z.array(interruptedHostSchema),
    "A site's machines whose check job was cut short by a crash or restart and could not be resumed (not checked again since)",
  ),
  'checks.retryInterrupted': command(
    jobRef,
    z.object({ jobId: z.string() }),
    "Check an interrupted job's machines again, in the same job; poll checks.status",
  ),
  'checks.trustHostKey': command(
    z
      .object({
        targetId: idSchema,
        fingerprint: fingerprintSchema,
        algorithm: z.string().trim().max(64).optional(),
        replace: z.boolean().default(false),
      })
      .strict(),
    z.array(trustedHostKeySchema),
    "Trust a target's SSH host key (replace: true to re-trust after a change)",
  ),
  'checks.importKnownHosts': command(
    z.object({ siteId: idSchema, text: z.string().max(200_000) }).strict(),
    knownHostsImportSchema,
    "Pin host keys for a site's targets from an OpenSSH known_hosts file",
  ),
  'checks.setCredential': command(
    z
      .object({
        targetId: idSchema,
        kind: credentialKindSchema,
        keyPath: keyPathSchema.optional(),
        password: secretSchema.optional(),
        passphrase: secretSchema.optional(),
        username: z
          .string()
          .trim()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9._][A-Za-z0-9._-]*\$?$/, 'Give a user name')
          .optional(),
        useSudo: z.boolean().default(false),
      })
      .strict(),
    credentialSummarySchema,
    'How to sign in to a target; secrets go to the device secret store and are never returned',
  ),
  'checks.machines': query(
    z.object({ siteId: idSchema }).strict(),
    z.array(machineCheckRowSchema),
    "A site's targets with credential, trusted keys and last run",
  ),
  'checks.latestBySite': query(
    z.object({ siteId: idSchema }).strict(),
    z.object({ targets: z.array(checkRunSummarySchema), thisMachine: checkRunSummarySchema.nullable() }),
    'The last check run of each target of a site (and of this machine)',
  ),
  'checks.runs': query(
    z.object({ targetId: idSchema, limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.array(checkRunSummarySchema),
    "A target's check runs, newest first",
  ),
  'checks.run': query(
    z.object({ runId: idSchema }).strict(),
    checkRunDetailSchema,
    'One check run with facts, results and the difference from the previous run',
  ),
} as const;
