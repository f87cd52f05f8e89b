import type { AdhocTarget } from '../../core/checks/adhoc/adhoc-targets';
import type { AdhocHostResult } from '../../core/checks/adhoc/run-adhoc';
import type { OutpostCore } from '../../core/outpost-core';
import { call, findSite } from './check-site';
import { UsageError } from './cli-support';

/** Where `--site CODE` stores an ad-hoc check: the site, and the target machine of each host. */
export interface AdhocSiteStore {
  siteId: string;
  siteCode: string;
  targetOf: Map<AdhocTarget, string>;
}

const sameHost = (a: string, b: string) => a.replace(/^\[|\]$/g, '').toLowerCase() === b.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * Matches every ad-hoc host to a target machine of the site (same address or host name, and the
 * same port) before anything connects; a host that is not one of its targets is a usage error,
 * since a run is stored in a target's history.
 */
export function matchSiteTargets(
  core: OutpostCore,
  code: string,
  deployment: string | undefined,
  targets: readonly AdhocTarget[],
): AdhocSiteStore {
  const site = findSite(core, code, deployment);
  const machines = call(core, 'machines.list', { siteId: site.id });
  const targetOf = new Map<AdhocTarget, string>();
  for (const t of targets) {
    const matches = machines.filter(
      (m) =>
        m.port === t.port &&
        ((m.address !== '' && sameHost(m.address, t.host)) ||
          (m.hostName !== '' && (sameHost(m.hostName, t.host) || sameHost(m.hostName, t.label)))),
    );
    if (matches.length !== 1) {
      throw new UsageError(
        `${t.label} (${t.host}:${t.port}) is ${matches.length === 0 ? 'not a target machine' : 'several target machines'} of site ${site.code}: add it in the site's Machines tab, or check it without --site (nothing is stored)`,
      );
    }
    targetOf.set(t, matches[0]!.id);
  }
  return { siteId: site.id, siteCode: site.code, targetOf };
}

/** Stores the runs in the targets' check history (one job), as the Machines tab shows them. */
export function storeAdhocRuns(core: OutpostCore, store: AdhocSiteStore, hosts: readonly AdhocHostResult[]): string[] {
  const runs = hosts.map((h) => ({
    targetId: store.targetOf.get(h.target)!,
    startedAt: h.startedAt,
    durationMs: h.durationMs,
    outcome: h.outcome,
    message: h.message,
    hostKey: h.hostKey,
    expectedFingerprint: h.expectedFingerprint,
    facts: h.facts,
    results: h.results,
  }));
  return call(core, 'adhocChecks.record', { siteId: store.siteId, runs }).runIds;
}
