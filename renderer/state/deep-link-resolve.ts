import type { ApiInput, ApiMethod, ApiOutput, ApiResult } from '../../shared/contract';
import type { DeepLink } from '../../shared/desktop/deep-link';
import type { Route } from './navigation';

type Call = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>>;

export type Resolved = { ok: true; route: Route } | { ok: false; message: string };

/** The deployment that holds a site with this code (codes are unique per deployment, not across them). */
async function findSite(call: Call, code: string, deploymentId: string | null): Promise<{ deploymentId: string; siteId: string } | string> {
  const deployments = await call('deployments.list', {});
  if (!deployments.ok) return deployments.error.message;
  const candidates = deployments.value.filter((d) => deploymentId === null || d.id === deploymentId);
  if (deploymentId !== null && candidates.length === 0) return 'The link names a deployment that is not on this device';
  const found: { deploymentId: string; siteId: string }[] = [];
  for (const deployment of candidates) {
    const sites = await call('sites.list', { deploymentId: deployment.id });
    if (!sites.ok) return sites.error.message;
    const site = sites.value.find((s) => s.code === code);
    if (site) found.push({ deploymentId: deployment.id, siteId: site.id });
  }
  if (found.length === 0) return `No site ${code} on this device`;
  if (found.length > 1) return `${code} is a site of ${found.length} deployments: the link must name one (?deployment=<id>)`;
  return found[0]!;
}

/** Where a parsed `outpost://` link leads on this device, or why it leads nowhere. */
export async function resolveDeepLink(call: Call, link: DeepLink): Promise<Resolved> {
  if (link.kind === 'deployment') {
    const deployments = await call('deployments.list', {});
    if (!deployments.ok) return { ok: false, message: deployments.error.message };
    if (!deployments.value.some((d) => d.id === link.deploymentId))
      return { ok: false, message: 'The link names a deployment that is not on this device' };
    return { ok: true, route: { deploymentId: link.deploymentId, siteId: null, tab: 'overview', dashboard: false, issueId: null } };
  }
  const site = await findSite(call, link.siteCode, link.deploymentId);
  if (typeof site === 'string') return { ok: false, message: site };
  if (link.kind === 'site') return { ok: true, route: { ...site, tab: 'overview', dashboard: false, issueId: null } };
  const issues = await call('issues.list', { siteId: site.siteId });
  if (!issues.ok) return { ok: false, message: issues.error.message };
  const issue = issues.value.issues.find((i) => i.number === link.issueNumber);
  if (!issue) return { ok: false, message: `${link.siteCode} has no issue #${link.issueNumber} on this device` };
  return { ok: true, route: { ...site, tab: 'issues', dashboard: false, issueId: issue.id } };
}
