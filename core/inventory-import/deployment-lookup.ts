import type { ImportSite } from '../../shared/inventory-import/validate-rows';
import { DomainError, notFound } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';

export function deploymentSites(ctx: ServiceContext, deploymentId: string): ImportSite[] {
  const exists = ctx.sqlite.prepare('SELECT 1 FROM deployments WHERE id = ?').get(deploymentId);
  if (!exists) throw notFound('Deployment', deploymentId);
  return ctx.sqlite.prepare('SELECT id, code, name FROM sites WHERE deployment_id = ? ORDER BY code').all(deploymentId) as ImportSite[];
}

export function requireSiteOf(sites: readonly ImportSite[], siteId: string | null): void {
  if (siteId !== null && !sites.some((s) => s.id === siteId)) {
    throw new DomainError('not_found', `Site ${siteId} is not part of this deployment`);
  }
}

/** Normalized expected serials already in any site of the deployment. */
export function existingSerialKeys(ctx: ServiceContext, deploymentId: string): Set<string> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT i.expected_serial_key AS k FROM inventory_items i JOIN sites s ON s.id = i.site_id
       WHERE s.deployment_id = ? AND i.expected_serial_key IS NOT NULL`,
    )
    .pluck()
    .all(deploymentId) as string[];
  return new Set(rows);
}
