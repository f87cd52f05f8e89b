import type Database from 'better-sqlite3';
import type { ApiOutput } from '../../shared/contract';
import type { SyncEngine } from '../sync/sync-engine';

interface SiteStamp {
  siteId: string;
  deploymentId: string;
  deploymentName: string;
  code: string;
  name: string;
  status: string;
  stamp: string;
}

/**
 * A fingerprint of each site's field data: counts and newest change times of its rows. Two stamps
 * differ when anything of the site's report arrived or changed.
 */
export function siteStamps(sqlite: Database.Database): Map<string, SiteStamp> {
  const rows = sqlite
    .prepare(
      `SELECT s.id AS siteId, s.deployment_id AS deploymentId, d.name AS deploymentName, s.code, s.name, s.status,
         s.updated_at || '|' || s.status
         || '|' || (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM inventory_items WHERE site_id = s.id)
         || '|' || (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM checklist_items WHERE site_id = s.id)
         || '|' || (SELECT count(*) || ':' || ifnull(max(updated_at), '') FROM issues WHERE site_id = s.id)
         || '|' || (SELECT count(*) FROM issue_events e JOIN issues i ON i.id = e.issue_id WHERE i.site_id = s.id)
         || '|' || (SELECT count(*) FROM check_runs WHERE site_id = s.id)
         || '|' || (SELECT count(*) FROM sign_off_sheets WHERE site_id = s.id)
         || '|' || (SELECT count(*) FROM site_rollbacks WHERE site_id = s.id)
         || '|' || (SELECT count(*) FROM checklist_phases WHERE site_id = s.id) AS stamp
       FROM sites s JOIN deployments d ON d.id = s.deployment_id`,
    )
    .all() as SiteStamp[];
  return new Map(rows.map((r) => [r.siteId, r]));
}

/** Runs one sync pass with the central server, then lists the sites whose report arrived or changed. */
export async function fetchReportsFromServer(sqlite: Database.Database, engine: SyncEngine): Promise<ApiOutput<'siteReports.fetchFromServer'>> {
  const before = siteStamps(sqlite);
  const outcome = await engine.runOnce();
  const after = siteStamps(sqlite);
  const sites: ApiOutput<'siteReports.fetchFromServer'>['sites'] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (then && then.stamp === now.stamp) continue;
    const { stamp: _stamp, ...site } = now;
    sites.push({ ...site, change: then ? 'changed' : 'new' });
  }
  sites.sort((a, b) => a.deploymentName.localeCompare(b.deploymentName) || a.code.localeCompare(b.code));
  return { ok: outcome.ok, error: outcome.ok ? null : outcome.error.message, sites };
}
