import { z } from 'zod';
import { probeRequestsFor, type EvaluableRequirement } from './evaluate';
import { normalisePath } from './sensitive-paths';

/**
 * What a plan may not run on a machine before the technician has seen it: every `command`
 * requirement (it runs with `sh -c`, as the SSH user or root with sudo) and every file probe
 * outside a small allow-list of world-readable files checks read anyway (OS release, package
 * databases, the account databases).
 * The approval covers the exact set of commands and paths (a hash of them with the user and
 * sudo), so a changed command asks again.
 */
export const FILE_PROBE_ALLOW_LIST: readonly string[] = [
  '/etc/os-release',
  '/usr/lib/os-release',
  '/etc/lsb-release',
  '/etc/debian_version',
  '/etc/redhat-release',
  '/etc/system-release',
  '/etc/hostname',
  '/etc/hosts',
  '/etc/timezone',
  // The account databases the user and group probes read anyway (world-readable; no hashes).
  '/etc/passwd',
  '/etc/group',
  '/var/lib/dpkg/status',
  '/var/lib/rpm/*',
  '/etc/apt/sources.list',
  '/etc/apt/sources.list.d/*',
  '/etc/yum.repos.d/*',
];

const allowRegex = FILE_PROBE_ALLOW_LIST.map(
  (glob) =>
    new RegExp(
      `^${glob
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')}$`,
    ),
);

export function fileProbeAllowed(path: string): boolean {
  const normal = normalisePath(path);
  return allowRegex.some((r) => r.test(normal));
}

export const approvalItemSchema = z.object({
  requirementId: z.string(),
  description: z.string(),
  kind: z.enum(['command', 'file']),
  /** The command line, or the path the probe reads. */
  text: z.string(),
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;

/** The requirements (valid ones only: invalid params never run) that need approval before they run. */
export function approvalItemsFor(requirements: readonly EvaluableRequirement[]): ApprovalItem[] {
  const described = new Map(requirements.map((r) => [r.id, r.description]));
  const items: ApprovalItem[] = [];
  for (const request of probeRequestsFor(requirements)) {
    const description = described.get(request.id) ?? '';
    if (request.kind === 'command')
      items.push({ requirementId: request.id, description, kind: 'command', text: String(request.params.command) });
    else if (request.kind === 'file' && !fileProbeAllowed(String(request.params.path)))
      items.push({ requirementId: request.id, description, kind: 'file', text: normalisePath(String(request.params.path)) });
  }
  return items;
}

/** Who the items run as: the SSH user (and sudo), or the user Outpost runs as on this machine. */
export interface ApprovalRunAs {
  user: string;
  sudo: boolean;
}

/**
 * The exact text an approval's hash covers: the distinct commands and paths (sorted), the user and
 * sudo. Requirement ids and descriptions are left out: renaming a requirement changes nothing that runs.
 */
export function approvalFingerprintText(items: readonly ApprovalItem[], runAs: ApprovalRunAs): string {
  const distinct = [...new Set(items.map((i) => JSON.stringify([i.kind, i.text])))].sort();
  return JSON.stringify({ v: 1, user: runAs.user, sudo: runAs.sudo, items: distinct.map((d) => JSON.parse(d) as unknown) });
}

export const describeRunAs = (runAs: ApprovalRunAs): string => `${runAs.user}${runAs.sudo ? ' (sudo)' : ''}`;

/** The result of a requirement held back for approval: skipped, never run. */
export const NEEDS_APPROVAL = 'needs approval';

/** One machine's commands and file reads waiting for the technician's approval. */
export const pendingApprovalSchema = z.object({
  /** The target, or null for this machine. */
  targetId: z.string().nullable(),
  /** This machine's role (its requirements); null for a target. */
  role: z.string().nullable(),
  label: z.string(),
  user: z.string(),
  sudo: z.boolean(),
  /** SHA-256 (hex) of `approvalFingerprintText`: approving sends it back, so only what was shown is approved. */
  hash: z.string(),
  items: z.array(approvalItemSchema),
});
export type PendingApproval = z.infer<typeof pendingApprovalSchema>;

/** "This plan will run these commands on pos-srv-01 as deploy (sudo): …" */
export function describePendingApproval(p: PendingApproval): string[] {
  const commands = p.items.filter((i) => i.kind === 'command');
  const files = p.items.filter((i) => i.kind === 'file');
  const lines: string[] = [];
  if (commands.length)
    lines.push(`This plan will run these commands on ${p.label} as ${describeRunAs(p)}:`, ...commands.map((c) => `  $ ${c.text}`));
  if (files.length) lines.push(`This plan will read these files on ${p.label} as ${describeRunAs(p)}:`, ...files.map((f) => `  ${f.text}`));
  return lines;
}
