import type { Facts } from '../../shared/checks/facts';
import type { ProbedKind } from '../../shared/checks/requirement-kinds';

/** A requirement the target must answer itself, sent to the probe as data. */
export interface ProbeRequest {
  id: string;
  kind: ProbedKind;
  params: Record<string, unknown>;
}

export type SshAuth =
  | { kind: 'password'; password: string }
  | { kind: 'key'; privateKey: string; passphrase?: string }
  | { kind: 'agent'; socket: string }
  | { kind: 'keyboard-interactive'; password: string };

export interface RemoteTarget {
  host: string;
  port: number;
  username: string;
  auth: SshAuth;
  /** The trusted host key's SHA256 fingerprint ("SHA256:…"), or null on first contact. */
  trustedFingerprint: string | null;
  /** Wrap the probe in `sudo -n` for facts that need root. */
  useSudo: boolean;
  timeouts: { connectMs: number; commandMs: number; overallMs: number };
  /**
   * Decides on the key the host shows instead of comparing with `trustedFingerprint` (the ad-hoc
   * CLI asks a known_hosts file, and may append an unknown key there). Called once, synchronously.
   */
  verifyHostKey?: (keyBlob: Buffer, key: HostKeyInfo) => HostKeyDecision;
}

/** What a host key verifier decided; `changed` names the fingerprints it expected. */
export type HostKeyDecision =
  { trust: true } | { trust: false; verdict: 'unknown' } | { trust: false; verdict: 'changed'; expected: string };

export interface HostKeyInfo {
  algorithm: string;
  fingerprint: string;
}

/** What one collection produced: the facts, or exactly why not. Never throws. */
export type CollectOutcome =
  | { ok: true; facts: Facts; hostKey: HostKeyInfo | null }
  | { ok: false; reason: 'host_key_unknown'; hostKey: HostKeyInfo; message: string }
  | { ok: false; reason: 'host_key_changed'; expected: string; hostKey: HostKeyInfo; message: string }
  | { ok: false; reason: 'unreachable' | 'timeout' | 'auth_failed' | 'windows' | 'cancelled' | 'error'; message: string };
