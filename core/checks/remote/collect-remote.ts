import { NodeSSH, type Config } from 'node-ssh';
import type { ClientChannel } from 'ssh2';
import { createLogger } from '../../logging/logger';
import { reportProbing } from '../collect-many';
import type { CollectOutcome, HostKeyDecision, HostKeyInfo, ProbeRequest, RemoteTarget } from '../collector-types';
import { hostKeyInfo, sameFingerprint } from './host-key';
import { parseProbeOutput } from './parse-probe-output';
import { buildProbePayload } from './probe-payload';
import { PROBE_SCRIPT } from './probe-script';
import { targetProblem } from './validate-target';

const log = createLogger('checks.remote');
const MAX_OUTPUT = 32 * 1024 * 1024;
const SUDO_REFUSED =
  /sudo: (a password is required|a terminal is required|.*not in the sudoers|.*not allowed to execute|.*command not found)|sudo: not found/i;

type Failure = Extract<CollectOutcome, { ok: false }>;
class Stop extends Error {
  constructor(readonly outcome: Failure) {
    super(outcome.message);
  }
}

/**
 * Collects one target's facts over SSH: one connection, one batched probe (`sh -s`, or
 * `sudo -n sh -s`, with the fixed script and the requests as data on standard input).
 * The host key is always verified against `trustedFingerprint`. Never throws; never logs secrets.
 */
export async function collectRemote(target: RemoteTarget, probes: ProbeRequest[], signal?: AbortSignal): Promise<CollectOutcome> {
  const problem = targetProblem(target);
  if (problem) return { ok: false, reason: 'error', message: `Refused before connecting: ${problem}` };
  if (signal?.aborted) return { ok: false, reason: 'cancelled', message: 'Cancelled before connecting.' };
  const where = `${target.host}:${target.port}`;
  const ssh = new NodeSSH();
  const started = Date.now();
  let hostKey: HostKeyInfo | null = null;
  let channel: ClientChannel | null = null;

  let stop: (outcome: Failure) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = (outcome) => reject(new Stop(outcome));
  });
  stopped.catch(() => undefined);
  const onAbort = () => stop({ ok: false, reason: 'cancelled', message: `Cancelled while checking ${where}.` });
  signal?.addEventListener('abort', onAbort, { once: true });
  const overall = setTimeout(
    () =>
      stop({
        ok: false,
        reason: 'timeout',
        message: `${where} did not finish within the overall limit of ${target.timeouts.overallMs} ms.`,
      }),
    target.timeouts.overallMs,
  );

  const work = async (): Promise<CollectOutcome> => {
    let refusedKey: Failure | null = null;
    const config: Config = {
      host: target.host.replace(/^\[|\]$/g, ''),
      port: target.port,
      username: target.username,
      readyTimeout: target.timeouts.connectMs,
      keepaliveInterval: 5000,
      keepaliveCountMax: 3,
      hostVerifier: (key: Buffer) => {
        hostKey = hostKeyInfo(key);
        const decision = decideHostKey(target, key, hostKey);
        if (decision.trust) return true;
        refusedKey =
          decision.verdict === 'unknown'
            ? {
                ok: false,
                reason: 'host_key_unknown',
                hostKey,
                message: `${where} is not known yet. Its ${hostKey.algorithm} key fingerprint is ${hostKey.fingerprint}; trust it to check this machine.`,
              }
            : {
                ok: false,
                reason: 'host_key_changed',
                expected: decision.expected,
                hostKey,
                message: `The host key of ${where} has CHANGED: expected ${decision.expected}, got ${hostKey.fingerprint}. Nothing was run. Re-trust the key only if you know why it changed.`,
              };
        return false;
      },
      ...authConfig(target),
    };
    try {
      await Promise.race([ssh.connect(config), stopped]);
    } catch (error) {
      if (error instanceof Stop) throw error;
      if (refusedKey) return refusedKey;
      return connectFailure(error as Error & { code?: string; level?: string }, where, target.timeouts.connectMs);
    }
    reportProbing(signal);
    const run = async (command: string) => {
      const payload = buildProbePayload(probes);
      const referenceEpochMs = Date.now();
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let size = 0;
      const commandTimer = setTimeout(() => {
        stop({
          ok: false,
          reason: 'timeout',
          message: `The probe on ${where} did not finish within the command limit of ${target.timeouts.commandMs} ms.`,
        });
      }, target.timeouts.commandMs);
      try {
        const result = await Promise.race([
          ssh.execCommand(command, {
            stdin: payload.text + PROBE_SCRIPT,
            onChannel: (c) => (channel = c),
            onStdout: (chunk) => {
              size += chunk.length;
              if (size <= MAX_OUTPUT) out.push(chunk);
              else channel?.close();
            },
            onStderr: (chunk) => err.length < 64 && err.push(chunk),
          }),
          stopped,
        ]);
        return {
          result,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          payload,
          referenceEpochMs,
        };
      } finally {
        clearTimeout(commandTimer);
      }
    };
    let sudoRefusal: string | null = null;
    let ran = await run(target.useSudo ? 'sudo -n sh -s' : 'sh -s');
    if (target.useSudo && !ran.stdout.includes(`==OUTPOST:${ran.payload.nonce}:meta==`) && SUDO_REFUSED.test(ran.stderr)) {
      sudoRefusal = ran.stderr.trim().split('\n')[0] ?? 'sudo -n was refused';
      ran = await run('sh -s');
    }
    const parsed = parseProbeOutput(ran.stdout, ran.stderr, {
      nonce: ran.payload.nonce,
      referenceEpochMs: ran.referenceEpochMs,
      collectedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      refused: ran.payload.refused,
      sentIds: probes.map((p) => p.id).filter((id) => !(id in ran.payload.refused)),
    });
    if (!parsed.ok) return { ok: false, reason: parsed.reason, message: parsed.message };
    if (sudoRefusal) {
      parsed.facts.unreadable.unshift({
        fact: 'sudo',
        reason: `Needs privilege: sudo -n was refused (${sudoRefusal}); facts that need root were read without it.`,
        needsPrivilege: true,
      });
    }
    return { ok: true, facts: parsed.facts, hostKey };
  };

  try {
    return await work();
  } catch (error) {
    if (error instanceof Stop) return error.outcome;
    log.warn('remote collection failed', { target: where, error: (error as Error).message });
    return { ok: false, reason: 'error', message: `Checking ${where} failed: ${(error as Error).message}` };
  } finally {
    clearTimeout(overall);
    signal?.removeEventListener('abort', onAbort);
    try {
      (channel as ClientChannel | null)?.close();
    } catch {
      // already closed
    }
    ssh.dispose();
  }
}

/** The target's own verifier when it has one, else the pinned fingerprint (null: first contact). */
function decideHostKey(target: RemoteTarget, keyBlob: Buffer, key: HostKeyInfo): HostKeyDecision {
  if (target.verifyHostKey) return target.verifyHostKey(keyBlob, key);
  if (target.trustedFingerprint === null) return { trust: false, verdict: 'unknown' };
  return sameFingerprint(target.trustedFingerprint, key.fingerprint)
    ? { trust: true }
    : { trust: false, verdict: 'changed', expected: target.trustedFingerprint };
}

function authConfig(target: RemoteTarget): Partial<Config> {
  const auth = target.auth;
  switch (auth.kind) {
    case 'password':
      return { password: auth.password };
    case 'key':
      return { privateKey: auth.privateKey, ...(auth.passphrase ? { passphrase: auth.passphrase } : {}) };
    case 'agent':
      return { agent: auth.socket };
    case 'keyboard-interactive':
      return {
        tryKeyboard: true,
        onKeyboardInteractive: (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => auth.password)),
      };
  }
}

function connectFailure(error: Error & { code?: string; level?: string }, where: string, connectMs: number): Failure {
  const text = error.message ?? String(error);
  if (error.level === 'client-authentication' || /authentication methods failed/i.test(text)) {
    return { ok: false, reason: 'auth_failed', message: `Signing in to ${where} failed: the user name or credentials were not accepted.` };
  }
  if (/timed out/i.test(text) || error.code === 'ETIMEDOUT') {
    return { ok: false, reason: 'timeout', message: `${where} did not complete the SSH handshake within ${connectMs} ms.` };
  }
  if (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET'].includes(error.code ?? '')) {
    return { ok: false, reason: 'unreachable', message: `${where} is unreachable (${error.code}).` };
  }
  if (/parse privateKey|passphrase|encrypted/i.test(text))
    return {
      ok: false,
      reason: 'auth_failed',
      message: `The private key for ${where} could not be read (wrong passphrase or unsupported format).`,
    };
  return { ok: false, reason: 'error', message: `Connecting to ${where} failed: ${text}` };
}
