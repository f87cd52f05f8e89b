import { and, eq } from 'drizzle-orm';
import { components } from '../db/schema';
import { setIssueStatus } from '../services/issue-changes';
import { setIssueImpact } from '../services/issue-impact';
import { createIssue } from '../services/issue-service';
import type { ServiceContext } from '../services/service-context';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * The sample's incident with downtime (issue #16): yesterday evening the tills froze after the POS
 * software update, a 55-minute outage for 6 tills, restored and resolved. Ended, so it blocks no
 * sign-off; it shows on the dashboard's downtime and in the close-out report.
 */
export function addSampleIncident(ctx: ServiceContext, deploymentId: string, siteId: string): void {
  const pos = ctx.db
    .select({ id: components.id })
    .from(components)
    .where(and(eq(components.deploymentId, deploymentId), eq(components.name, 'POS software')))
    .get();
  const issue = createIssue(ctx, {
    siteId,
    title: 'Tills froze after the POS software update',
    description: 'All six tills showed a spinning cursor after the evening update; sales went to the paper fallback.',
    severity: 'high',
    category: 'software',
    blocksSignOff: false,
    links: [],
    attachments: [],
  });
  const start = Date.parse(ctx.clock.now().slice(0, 10)) - DAY_MS + (16 * 60 + 40) * MINUTE_MS;
  setIssueImpact(ctx, {
    issueId: issue.id,
    impact: 'outage',
    componentId: pos?.id ?? null,
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + 55 * MINUTE_MS).toISOString(),
    usersAffected: 6,
  });
  setIssueStatus(ctx, {
    issueId: issue.id,
    status: 'resolved',
    reason: 'POS client rolled back to 2026.3.2 and the update applied again with the cache cleared',
  });
}
