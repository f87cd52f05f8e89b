import type { ReviewIssue } from '../../shared/domain/signoff';
import type { GateFacts } from '../../shared/signoff/gates';
import type { ServiceContext } from '../services/service-context';

/** The rows the sign-off gates look at for one site (issues come from the review being signed; open outages from the issues' service impact). */
export function readGateFacts(ctx: ServiceContext, siteId: string, issues: readonly ReviewIssue[]): GateFacts {
  const checklist = (
    ctx.sqlite
      .prepare(
        `SELECT id, phase, title, required, state FROM checklist_items WHERE site_id = ?
        ORDER BY CASE phase WHEN 'before' THEN 0 WHEN 'during' THEN 1 WHEN 'after' THEN 2 WHEN 'handover' THEN 3 ELSE 4 END, position, id`,
      )
      .all(siteId) as {
      id: string;
      phase: GateFacts['checklist'][number]['phase'];
      title: string;
      required: number;
      state: GateFacts['checklist'][number]['state'];
    }[]
  ).map((r) => ({ ...r, required: r.required === 1 }));
  const inventory = (
    ctx.sqlite
      .prepare(
        `SELECT i.id, i.asset_tag AS assetTag, i.model, coalesce(i.found_serial, i.expected_serial) AS serial, i.state, i.is_surplus AS isSurplus, c.scope
         FROM inventory_items i LEFT JOIN components c ON c.id = i.component_id
         WHERE i.site_id = ? ORDER BY i.asset_tag, i.id`,
      )
      .all(siteId) as (Omit<GateFacts['inventory'][number], 'isSurplus'> & { isSurplus: number })[]
  ).map((r) => ({ ...r, isSurplus: r.isSurplus === 1 }));
  const targets = (
    ctx.sqlite
      .prepare(
        `SELECT m.id, m.host_name AS hostName, c.scope, r.outcome, r.fail_count AS fail, r.error_count AS error
         FROM target_machines m
         LEFT JOIN inventory_items i ON i.id = m.inventory_item_id
         LEFT JOIN components c ON c.id = i.component_id
         LEFT JOIN check_runs r ON r.id = (
           SELECT id FROM check_runs x WHERE x.target_id = m.id AND x.finished_at IS NOT NULL ORDER BY x.finished_at DESC, x.id DESC LIMIT 1)
         WHERE m.site_id = ? ORDER BY m.host_name, m.id`,
      )
      .all(siteId) as {
      id: string;
      hostName: string;
      scope: GateFacts['targets'][number]['scope'];
      outcome: string | null;
      fail: number | null;
      error: number | null;
    }[]
  ).map((r) => ({
    id: r.id,
    hostName: r.hostName,
    scope: r.scope,
    latest: r.outcome === null ? null : { outcome: r.outcome, fail: r.fail ?? 0, error: r.error ?? 0 },
  }));
  const openOutages = ctx.sqlite
    .prepare(
      `SELECT i.id AS issueId, i.number, i.title, c.name AS component, c.scope, i.impact_started_at AS startedAt, s.time_zone AS timeZone
       FROM issues i JOIN sites s ON s.id = i.site_id LEFT JOIN components c ON c.id = i.impact_component_id
       WHERE i.site_id = ? AND i.impact = 'outage' AND i.impact_ended_at IS NULL ORDER BY i.number`,
    )
    .all(siteId) as GateFacts['openOutages'][number][];
  return { checklist, inventory, targets, issues, openOutages };
}
