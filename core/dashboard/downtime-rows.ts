import type Database from 'better-sqlite3';
import type { ImpactRecord } from '../../shared/logic/downtime';
import { cachedStatement } from '../db/statement-cache';

/** Every recorded outage or degradation at the deployment's sites, with the affected component's name (served by `issues_impact`). */
const IMPACTS = `
SELECT i.id AS issueId, i.site_id AS siteId, i.number, i.title, i.impact, c.name AS component,
  i.impact_started_at AS startedAt, i.impact_ended_at AS endedAt, i.impact_users_affected AS usersAffected
FROM issues i
JOIN sites s ON s.id = i.site_id
LEFT JOIN components c ON c.id = i.impact_component_id
WHERE s.deployment_id = ? AND i.impact IN ('outage','degraded')
ORDER BY i.impact_started_at, i.id`;

export function readImpacts(sqlite: Database.Database, deploymentId: string): ImpactRecord[] {
  return cachedStatement(sqlite, IMPACTS).all(deploymentId) as ImpactRecord[];
}
