import type { KnownHostsImport } from '../../../shared/domain/check-run';
import { recordActivity, type ServiceContext } from '../../services/service-context';
import { requireSite } from '../../services/site-service';
import { siteTargets } from '../runs/targets';
import { pinHostKey } from './host-key-store';
import { entryMatches, knownHostsName, parseKnownHosts } from './known-hosts';

/** Pins host keys from an OpenSSH known_hosts file for the site's targets that it names. */
export function importKnownHosts(ctx: ServiceContext, input: { siteId: string; text: string }): KnownHostsImport {
  requireSite(ctx, input.siteId);
  const { entries, skipped } = parseKnownHosts(input.text);
  const targets = siteTargets(ctx, input.siteId).map((t) => ({
    target: t,
    names: [...new Set([t.address, t.host_name].filter(Boolean))].map((h) => knownHostsName(h, t.port)),
  }));
  const pinned: KnownHostsImport['pinned'] = [];
  let unmatched = 0;
  for (const entry of entries) {
    const matches = targets.filter((t) => entryMatches(entry, t.names));
    if (matches.length === 0) unmatched += 1;
    for (const { target } of matches) {
      pinHostKey(ctx, target, { algorithm: entry.algorithm, fingerprint: entry.fingerprint, source: 'known_hosts' });
      pinned.push({ targetId: target.id, hostName: target.host_name, algorithm: entry.algorithm, fingerprint: entry.fingerprint });
    }
  }
  recordActivity(ctx, {
    action: 'known_hosts.imported',
    entity: 'site',
    entityId: input.siteId,
    siteId: input.siteId,
    detail: { pinned: pinned.length, skipped: skipped.length, unmatched },
  });
  return { pinned, skipped, unmatched };
}
