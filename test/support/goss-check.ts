// A gossfile judged on a real host, for the Goss tests: imported as the app imports it, its probes
// answered by the remote collector (a real sshd) or the local one, and evaluated; results by the
// requirement's Goss source ("file: /etc/passwd").
import { collectLocal } from '../../core/checks/local/collect-local';
import { parseGoss } from '../../core/checks/goss/parse-goss';
import { collectRemote } from '../../core/checks/remote/collect-remote';
import type { CollectOutcome, ProbeRequest } from '../../core/checks/collector-types';
import { evaluate, probeRequestsFor } from '../../shared/checks/evaluate';
import type { RequirementResult } from '../../shared/checks/results';
import { sshdTarget, type SshdInstance } from './sshd-harness';

const limits = { connectMs: 5000, commandMs: 20000, overallMs: 30000 };

export type GossCollector = (probes: ProbeRequest[]) => Promise<CollectOutcome>;

/** The remote collector on the sshd's test user (key sign-in, the host key pinned). */
export const onSshd =
  (s: SshdInstance): GossCollector =>
  (probes) =>
    collectRemote(sshdTarget(s, { timeouts: limits }), probes);

/** "Check this machine". */
export const onThisMachine: GossCollector = (probes) => collectLocal(probes);

export async function checkGoss(collect: GossCollector, yaml: string): Promise<Map<string, RequirementResult>> {
  const parsed = parseGoss(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const requirements = parsed.drafts.map((d, i) => ({
    id: `r${i}`,
    kind: d.kind,
    description: `${d.source} (${d.description})`,
    params: d.params,
  }));
  const outcome = await collect(probeRequestsFor(requirements));
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  const results = evaluate(outcome.facts, requirements, { expectedSerial: null });
  return new Map(results.map((r) => [r.description.split(' (')[0]!, r]));
}

/** "source: status: message" of every result that did not pass. */
export const gossFailures = (results: Map<string, RequirementResult>): string[] =>
  [...results.entries()].filter(([, r]) => r.status !== 'pass').map(([source, r]) => `${source}: ${r.status}: ${r.message}`);
