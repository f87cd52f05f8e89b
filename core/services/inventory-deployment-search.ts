import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { cachedStatement } from '../db/statement-cache';
import { deploymentExists } from './deployment-service';
import { notFound } from './domain-error';
import { fromRaw, INVENTORY_COLUMNS } from './inventory-rows';
import { itemSearch } from './inventory-search-sql';
import type { ServiceContext } from './service-context';

type RawMatch = Parameters<typeof fromRaw>[0] & { siteCode: string; siteName: string };

/**
 * "Where is serial X?": the items of every site of a deployment on this device that match the text
 * (the same match as a site's inventory search), by site code then asset tag, with their site.
 * The matches are found first and then kept to the deployment's sites, so the cost follows the
 * number of matches, not of items.
 */
export function searchDeploymentInventory(
  ctx: ServiceContext,
  input: ApiParsedInput<'inventory.searchDeployment'>,
): ApiOutput<'inventory.searchDeployment'> {
  if (!deploymentExists(ctx, input.deploymentId)) throw notFound('Deployment', input.deploymentId);
  const search = itemSearch(input.query, 'i');
  const where = ['i.site_id IN (SELECT s.id FROM sites s WHERE s.deployment_id = @deploymentId)', search.where]
    .filter(Boolean)
    .join(' AND ');
  const params = { deploymentId: input.deploymentId, search: search.param, limit: input.limit };
  const total = (
    cachedStatement(ctx.sqlite, `${search.with} SELECT count(*) AS n FROM ${search.from} WHERE ${where}`).get(params) as { n: number }
  ).n;
  const rows = cachedStatement(
    ctx.sqlite,
    `${search.with} SELECT m.*, s.code AS siteCode, s.name AS siteName
     FROM (SELECT ${INVENTORY_COLUMNS} FROM ${search.from} WHERE ${where}) m CROSS JOIN sites s ON s.id = m.siteId
     ORDER BY s.code, m.isSurplus, m.assetTag, m.id LIMIT @limit`,
  ).all(params) as RawMatch[];
  return {
    total,
    matches: rows.map(({ siteCode, siteName, ...item }) => ({
      site: { id: item.siteId, code: siteCode, name: siteName },
      item: fromRaw(item),
    })),
  };
}
