import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Facts } from '../../../shared/checks/facts';
import { approvalItemsFor, NEEDS_APPROVAL } from '../../../shared/checks/plan-approval';
import type { RequirementResult } from '../../../shared/checks/results';
import type { CheckOutcome } from '../../../shared/domain/check-run';
import type { CollectOutcome, HostKeyInfo, SshAuth } from '../collector-types';
import type { CheckParts } from '../jobs/check-collectors';
import { CHECK_TIMEOUTS } from '../jobs/collect-host';
import type { AdhocRequirement } from './adhoc-requirements';
import type { AdhocTarget } from './adhoc-targets';
import { knownHostsPolicy, type AcceptedKey, type KnownHostsPolicyOptions } from './known-hosts-policy';

export interface AdhocCredentials {
  /** --identity FILE (wins over an inventory's ansible_ssh_private_key_file). */
  identityFile: string | null;
  /** --password-stdin: the password, or the key's passphrase when a key is used. */
  password: string | null;
  /** SSH_AUTH_SOCK, when no key or password was given. */
  agentSocket: string | null;
}

export interface AdhocRunOptions {
  targets: readonly AdhocTarget[];
  requirements: readonly AdhocRequirement[];
  credentials: AdhocCredentials;
  sudo: boolean;
  concurrency: number;
  knownHosts: KnownHostsPolicyOptions;
  /** --approve-commands: the person running the command approves its commands and file reads. */
  approveCommands: boolean;
  signal?: AbortSignal;
}

export interface AdhocHostResult {
  target: AdhocTarget;
  user: string;
  outcome: CheckOutcome;
  message: string;
  hostKey: HostKeyInfo | null;
  /** The fingerprints known_hosts expected, when the key changed. */
  expectedFingerprint: string | null;
  facts: Facts | null;
  results: RequirementResult[];
  startedAt: string;
  durationMs: number;
}

/** The requirements that apply to a host: those without a role, and those of its outpost_role. */
export const requirementsForHost = (requirements: readonly AdhocRequirement[], target: AdhocTarget) =>
  requirements.filter((r) => r.role === null || r.role === target.role);

/** Commands and file reads outside the allow-list (issue 10's plan-approval rule) wait for --approve-commands. */
export const heldForApproval = (requirements: readonly AdhocRequirement[], approved: boolean): ReadonlySet<string> =>
  new Set(approved ? [] : approvalItemsFor(requirements).map((i) => i.requirementId));

const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((name) => path.join(os.homedir(), '.ssh', name));

/** As `ssh` would sign in: the given key, the password, the agent, then the default key files. */
function authFor(credentials: AdhocCredentials, target: AdhocTarget): { ok: true; auth: SshAuth } | { ok: false; message: string } {
  const keyFile =
    credentials.identityFile ??
    target.identityFile ??
    (credentials.password === null && credentials.agentSocket === null ? (DEFAULT_KEYS.find((k) => fs.existsSync(k)) ?? null) : null);
  if (keyFile !== null) {
    try {
      const privateKey = fs.readFileSync(keyFile.startsWith('~/') ? path.join(os.homedir(), keyFile.slice(2)) : keyFile, 'utf8');
      return {
        ok: true,
        auth: credentials.password !== null ? { kind: 'key', privateKey, passphrase: credentials.password } : { kind: 'key', privateKey },
      };
    } catch (error) {
      return { ok: false, message: `Cannot read the key file ${keyFile}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
    }
  }
  if (credentials.password !== null) return { ok: true, auth: { kind: 'password', password: credentials.password } };
  if (credentials.agentSocket !== null) return { ok: true, auth: { kind: 'agent', socket: credentials.agentSocket } };
  return { ok: false, message: 'No way to sign in: give --identity FILE or --password-stdin, or run an ssh-agent' };
}

const heldResult = (r: RequirementResult): RequirementResult => ({
  ...r,
  status: 'skipped',
  actual: NEEDS_APPROVAL,
  message: 'Not run: commands and file reads run only with --approve-commands (you approve them by giving it)',
});

/**
 * Checks ad-hoc targets with the Machines tab's parts: the same collector (one SSH connection, one
 * batched probe), evaluator, timeouts and concurrency runner. Nothing is stored. Never rejects.
 */
export async function runAdhocChecks(parts: CheckParts, options: AdhocRunOptions, accepted: AcceptedKey[]): Promise<AdhocHostResult[]> {
  const policy = knownHostsPolicy(options.knownHosts, accepted);
  const localUser = os.userInfo().username;
  const results = new Map<AdhocTarget, AdhocHostResult>();
  const checkOne = async (target: AdhocTarget, signal: AbortSignal): Promise<CollectOutcome> => {
    const started = Date.now();
    const startedAt = new Date(started).toISOString();
    const requirements = requirementsForHost(options.requirements, target);
    const held = heldForApproval(requirements, options.approveCommands);
    const user = target.user ?? localUser;
    const auth = authFor(options.credentials, target);
    const outcome: CollectOutcome = !auth.ok
      ? { ok: false, reason: 'auth_failed', message: auth.message }
      : await parts.collectRemote(
          {
            host: target.host,
            port: target.port,
            username: user,
            auth: auth.auth,
            trustedFingerprint: null,
            verifyHostKey: policy(target.host, target.port),
            useSudo: options.sudo || target.sudo,
            timeouts: CHECK_TIMEOUTS,
          },
          parts.probeRequestsFor(requirements).filter((p) => !held.has(p.id)),
          signal,
        );
    const host: AdhocHostResult = {
      target,
      user,
      outcome: 'completed',
      message: '',
      hostKey: null,
      expectedFingerprint: null,
      facts: null,
      results: [],
      startedAt,
      durationMs: 0,
    };
    if (outcome.ok) {
      host.facts = outcome.facts;
      host.hostKey = outcome.hostKey;
      host.results = parts
        .evaluate(outcome.facts, requirements, { expectedSerial: null })
        .map((r) => (held.has(r.requirementId) ? heldResult(r) : r));
      if (outcome.facts.os.family === 'windows')
        Object.assign(host, { outcome: 'windows', message: 'Windows targets are not supported yet' });
    } else {
      Object.assign(host, { outcome: outcome.reason, message: outcome.message });
      if ('hostKey' in outcome) host.hostKey = outcome.hostKey;
      if (outcome.reason === 'host_key_changed') host.expectedFingerprint = outcome.expected;
    }
    host.durationMs = Date.now() - started;
    results.set(target, host);
    return outcome;
  };
  const outcomes = await parts.collectMany(options.targets, checkOne, {
    concurrency: options.concurrency,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return options.targets.map((target) => {
    const done = results.get(target);
    if (done) return done;
    const outcome = outcomes.get(target);
    const failed = outcome && !outcome.ok ? outcome : { reason: 'error' as const, message: 'Not checked' };
    return {
      target,
      user: target.user ?? localUser,
      outcome: failed.reason,
      message: failed.message,
      hostKey: null,
      expectedFingerprint: null,
      facts: null,
      results: [],
      startedAt: new Date().toISOString(),
      durationMs: 0,
    };
  });
}
