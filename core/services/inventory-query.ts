import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { Reconciliation } from '../../shared/domain/inventory';
import { MISSING_ITEM_SQL } from '../../shared/logic/inventory-rules';
import { fromRaw, INVENTORY_COLUMNS, reconcile } from './inventory-rows';
import { itemSearch } from './inventory-search-sql';
import { cachedStatement } from '../db/statement-cache';
import type { ServiceContext } from './service-context';
import { requireSite } from './site-service';

export function listInventory(ctx: ServiceContext, filter: ApiParsedInput<'inventory.list'>): ApiOutput<'inventory.list'> {
  requireSite(ctx, filter.siteId);
  const where: string[] = ['i.site_id = @siteId'];
  const params: Record<string, unknown> = { siteId: filter.siteId, limit: filter.limit, offset: filter.offset };
  let source = { with: '', from: 'inventory_items i' };
  if (filter.query !== '') {
    const search = itemSearch(filter.query, 'i');
    source = search;
    if (search.where) where.push(search.where);
    params.search = search.param;
  }
  if (filter.state === 'surplus') where.push('is_surplus = 1');
  // "Missing" is what the Missing tile counts: expected and not arrived (shared/logic/inventory-rules).
  else if (filter.state === 'missing') where.push(MISSING_ITEM_SQL);
  else if (filter.state !== null) {
    where.push('state = @state');
    params.state = filter.state;
  }
  const clause = where.join(' AND ');
  const total = (
    cachedStatement(ctx.sqlite, `${source.with} SELECT count(*) AS n FROM ${source.from} WHERE ${clause}`).get(params) as { n: number }
  ).n;
  const rows = cachedStatement(
    ctx.sqlite,
    `${source.with} SELECT ${INVENTORY_COLUMNS} FROM ${source.from} WHERE ${clause} ORDER BY i.is_surplus, i.asset_tag, i.id LIMIT @limit OFFSET @offset`,
  ).all(params) as Parameters<typeof fromRaw>[0][];
  return { total, offset: filter.offset, items: rows.map(fromRaw) };
}

export function inventoryReconciliation(ctx: ServiceContext, { siteId }: ApiParsedInput<'inventory.reconciliation'>): Reconciliation {
  requireSite(ctx, siteId);
  return reconcile(ctx, siteId);
}
