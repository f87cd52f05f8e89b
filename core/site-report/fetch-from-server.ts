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

function seenStamps(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite.prepare('SELECT site_id AS siteId, stamp FROM site_report_seen').all() as { siteId: string; stamp: string }[];
  return new Map(rows.map((r) => [r.siteId, r.stamp]));
}

/**
 * Runs one sync pass with the central server, then lists the sites whose report arrived or changed
 * since the last fetch (whichever run brought the rows: the automatic one after sign-in, a timer
 * run, or this one), and remembers what was seen.
 */
export async function fetchReportsFromServer(
  sqlite: Database.Database,
  engine: SyncEngine,
  now: () => string,
): Promise<ApiOutput<'siteReports.fetchFromServer'>> {
  const outcome = await engine.runOnce();
  const seen = seenStamps(sqlite);
  const current = siteStamps(sqlite);
  const sites: ApiOutput<'siteReports.fetchFromServer'>['sites'] = [];
  for (const [id, site] of current) {
    const before = seen.get(id);
    if (before === site.stamp) continue;
    const { stamp: _stamp, ...rest } = site;
    sites.push({ ...rest, change: before === undefined ? 'new' : 'changed' });
  }
  sites.sort((a, b) => a.deploymentName.localeCompare(b.deploymentName) || a.code.localeCompare(b.code));
  const at = now();
  const remember = sqlite.prepare(
    'INSERT INTO site_report_seen (site_id, stamp, seen_at) VALUES (?, ?, ?) ON CONFLICT(site_id) DO UPDATE SET stamp = excluded.stamp, seen_at = excluded.seen_at',
  );
  sqlite.transaction(() => {
    for (const site of current.values()) remember.run(site.siteId, site.stamp, at);
  })();
  return { ok: outcome.ok, error: outcome.ok ? null : outcome.error.message, sites };
}
