import { siteAutoMapping } from '../../shared/site-import/header-aliases';
import { validateSiteRows, type SiteValidationResult } from '../../shared/site-import/validate-site-rows';
import type { ServiceContext } from '../services/service-context';
import { knownUsers, loadDeploymentPlan, type DeploymentPlan } from './site-import-data';
import type { SitePreviewEntry } from './site-import-store';

/** One field per column: the given mapping (padded with 'ignore'), or the detected one. */
export function settleSiteMapping(
  headers: readonly string[],
  mapping: readonly SitePreviewEntry['mapping'][number][] | undefined,
): SitePreviewEntry['mapping'] {
  const chosen = mapping ?? siteAutoMapping(headers);
  return Array.from({ length: headers.length }, (_, i) => chosen[i] ?? 'ignore');
}

/** The rows checked against the deployment as it is now (the preview, and again at commit). */
export function validateSiteEntry(ctx: ServiceContext, entry: SitePreviewEntry): { plan: DeploymentPlan; result: SiteValidationResult } {
  const plan = loadDeploymentPlan(ctx, entry.deploymentId);
  const result = validateSiteRows({
    headers: entry.table.headers,
    rows: entry.table.rows,
    mapping: entry.mapping,
    waves: plan.waves,
    existing: plan.sites,
    users: knownUsers(ctx, entry.users),
  });
  return { plan, result };
}
