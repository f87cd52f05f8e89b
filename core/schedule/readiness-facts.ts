import { offlineReadiness, type OfflineReadiness } from '../../shared/logic/offline-readiness';
import { getCredential } from '../checks/credentials/credential-store';
import type { ServiceContext } from '../services/service-context';

interface MachineRow {
  id: string;
  site_id: string;
  host_name: string;
  has_key: number;
  has_credential: number;
}

/**
 * The facts of shared/logic/offline-readiness for the given sites, read in three queries. Sign-in
 * credentials count as configured when a row exists and, for a password, the secret is stored
 * (a key file or the agent needs no stored secret).
 */
export function readinessOf(ctx: ServiceContext, siteIds: readonly string[]): Map<string, OfflineReadiness & { machineCount: number }> {
  const out = new Map<string, OfflineReadiness & { machineCount: number }>();
  if (siteIds.length === 0) return out;
  const ids = JSON.stringify(siteIds);
  const plans = new Set(
    (
      ctx.sqlite
        .prepare('SELECT s.id FROM sites s JOIN deployments d ON d.id = s.deployment_id WHERE s.id IN (SELECT value FROM json_each(?))')
        .all(ids) as { id: string }[]
    ).map((r) => r.id),
  );
  const checklist = new Map(
    (
      ctx.sqlite
        .prepare('SELECT site_id, count(*) AS n FROM checklist_items WHERE site_id IN (SELECT value FROM json_each(?)) GROUP BY site_id')
        .all(ids) as { site_id: string; n: number }[]
    ).map((r) => [r.site_id, r.n]),
  );
  const machines = ctx.sqlite
    .prepare(
      `SELECT m.id, m.site_id, m.host_name,
              EXISTS (SELECT 1 FROM target_host_keys k WHERE k.target_id = m.id) AS has_key,
              EXISTS (SELECT 1 FROM target_credentials c WHERE c.target_id = m.id) AS has_credential
         FROM target_machines m WHERE m.site_id IN (SELECT value FROM json_each(?)) ORDER BY m.host_name`,
    )
    .all(ids) as MachineRow[];
  const bySite = new Map<string, { hostName: string; hostKeyTrusted: boolean; credentialsConfigured: boolean }[]>();
  for (const m of machines) {
    let list = bySite.get(m.site_id);
    if (!list) bySite.set(m.site_id, (list = []));
    const credential = m.has_credential ? getCredential(ctx, m.id) : null;
    const configured = credential !== null && (credential.kind === 'key' || credential.kind === 'agent' || credential.hasSecret);
    list.push({ hostName: m.host_name, hostKeyTrusted: m.has_key === 1, credentialsConfigured: configured });
  }
  for (const siteId of siteIds) {
    const list = bySite.get(siteId) ?? [];
    out.set(siteId, {
      ...offlineReadiness({ planOnDevice: plans.has(siteId), checklistItems: checklist.get(siteId) ?? 0, machines: list }),
      machineCount: list.length,
    });
  }
  return out;
}
