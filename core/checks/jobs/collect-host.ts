import type { CollectOutcome, RemoteTarget } from '../collector-types';
import type { ServiceContext } from '../../services/service-context';
import { resolveAuth } from '../credentials/resolve-auth';
import type { CheckParts } from './check-collectors';
import { runnableProbes, type HostPlan } from './job-plan';

export const CHECK_TIMEOUTS = { connectMs: 10_000, commandMs: 60_000, overallMs: 120_000 };

/**
 * Collects one remote host with its credential and trusted key. A target may trust several keys
 * (e.g. from known_hosts); when the host presents another key that is also trusted, that one is used.
 */
export async function collectRemoteHost(
  ctx: ServiceContext,
  parts: CheckParts,
  plan: HostPlan,
  signal: AbortSignal,
): Promise<CollectOutcome> {
  const target = plan.target!;
  const auth = resolveAuth(ctx, target);
  if (!auth.ok) return { ok: false, reason: 'auth_failed', message: auth.message };
  const probes = runnableProbes(parts, plan);
  const remote: RemoteTarget = {
    host: target.address || target.host_name,
    port: target.port,
    username: auth.username,
    auth: auth.auth,
    trustedFingerprint: plan.pins[0] ?? null,
    useSudo: auth.useSudo,
    timeouts: CHECK_TIMEOUTS,
  };
  const first = await parts.collectRemote(remote, probes, signal);
  if (!first.ok && first.reason === 'host_key_changed' && plan.pins.includes(first.hostKey.fingerprint)) {
    return parts.collectRemote({ ...remote, trustedFingerprint: first.hostKey.fingerprint }, probes, signal);
  }
  return first;
}
