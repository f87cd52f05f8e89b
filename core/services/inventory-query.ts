import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { Reconciliation } from '../../shared/domain/inventory';
import { MISSING_ITEM_SQL } from '../../shared/logic/inventory-rules';
import { fromRaw, INVENTORY_COLUMNS, reconcile } from './inventory-rows';
import type { ServiceContext } from './service-context';
import { requireSite } from './site-service';

/** Escapes LIKE wildcards so a typed % or _ is matched literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listInventory(ctx: ServiceContext, filter: ApiParsedInput<'inventory.list'>): ApiOutput<'inventory.list'> {
  requireSite(ctx, filter.siteId);
  const where: string[] = ['site_id = @siteId'];
  const params: Record<string, unknown> = { siteId: filter.siteId, limit: filter.limit, offset: filter.offset };
  if (filter.query !== '') {
    where.push(
      `(expected_serial LIKE @q ESCAPE '\\' OR found_serial LIKE @q ESCAPE '\\' OR asset_tag LIKE @q ESCAPE '\\' OR model LIKE @q ESCAPE '\\')`,
    );
    params.q = likePattern(filter.query);
  }
  if (filter.state === 'surplus') where.push('is_surplus = 1');
  // "Missing" is what the Missing tile counts: expected and not arrived (shared/logic/inventory-rules).
  else if (filter.state === 'missing') where.push(MISSING_ITEM_SQL);
  else if (filter.state !== null) {
    where.push('state = @state');
    params.state = filter.state;
  }
  const clause = where.join(' AND ');
  const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM inventory_items WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = ctx.sqlite
    .prepare(
      `SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE ${clause}
       ORDER BY is_surplus, asset_tag, id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Parameters<typeof fromRaw>[0][];
  return { total, offset: filter.offset, items: rows.map(fromRaw) };
}

export function inventoryReconciliation(ctx: ServiceContext, { siteId }: ApiParsedInput<'inventory.reconciliation'>): Reconciliation {
  requireSite(ctx, siteId);
  return reconcile(ctx, siteId);
}
