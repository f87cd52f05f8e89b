import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { InventoryItem } from '../../shared/domain/inventory';
import { assetTagAssignmentProblem, formatAssetTag } from '../../shared/labels/asset-tag';
import { DomainError, notFound } from '../services/domain-error';
import { fromRaw, INVENTORY_COLUMNS } from '../services/inventory-rows';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { takeSequences, tagIssuerFor } from './asset-tag-issuer';

type RawRow = Parameters<typeof fromRaw>[0];

export function siteForLabels(ctx: ServiceContext, siteId: string): { id: string; code: string; deploymentId: string } {
  const site = ctx.sqlite.prepare('SELECT id, code, deployment_id AS deploymentId FROM sites WHERE id = ?').get(siteId) as
    { id: string; code: string; deploymentId: string } | undefined;
  if (!site) throw notFound('Site', siteId);
  return site;
}

/** The items of one site by id, in the order asked; refuses an id that is not there. */
export function itemsAtSite(ctx: ServiceContext, siteId: string, itemIds: readonly string[]): InventoryItem[] {
  const rows = ctx.sqlite
    .prepare(`SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE site_id = ? AND id IN (SELECT value FROM json_each(?))`)
    .all(siteId, JSON.stringify(itemIds)) as RawRow[];
  const byId = new Map(rows.map((row) => [row.id, fromRaw(row)]));
  return itemIds.map((id) => {
    const item = byId.get(id);
    if (!item) throw notFound('Inventory item at this site', id);
    return item;
  });
}

/**
 * Gives unlabelled surplus items the next asset tags of this device's issuer, all in one
 * transaction (the dispatcher's), or none: every item is checked by the rule the server applies
 * (`assetTagAssignmentProblem`) before the first is tagged. The update syncs like any field change.
 */
export function assignAssetTags(ctx: ServiceContext, input: ApiParsedInput<'labels.assignTags'>): ApiOutput<'labels.assignTags'> {
  const site = siteForLabels(ctx, input.siteId);
  const items = itemsAtSite(ctx, site.id, input.itemIds);
  const { issuer, problem } = tagIssuerFor(ctx.sqlite, site.deploymentId);
  if (!issuer) throw new DomainError('rule', problem ?? 'No asset tags can be given on this device');
  const probe = formatAssetTag(site.code, issuer, 1);
  for (const item of items) {
    const refused = assetTagAssignmentProblem({ is_surplus: item.isSurplus ? 1 : 0, asset_tag: item.assetTag }, probe);
    if (refused) throw new DomainError('rule', `${item.foundSerial ?? item.expectedSerial ?? item.id}: ${refused}`);
  }
  const at = ctx.clock.now();
  const actor = ctx.actor();
  const first = takeSequences(ctx.sqlite, issuer, items.length, at);
  const update = ctx.sqlite.prepare(
    "UPDATE inventory_items SET asset_tag = ?, updated_at = ?, updated_by = ? WHERE id = ? AND coalesce(asset_tag, '') = ''",
  );
  const tagged = items.map((item, i) => {
    const assetTag = formatAssetTag(site.code, issuer, first + i);
    if (update.run(assetTag, at, actor, item.id).changes !== 1) throw new DomainError('conflict', `${item.id} was tagged meanwhile`);
    recordActivity(
      ctx,
      { action: 'inventory.asset_tag_assigned', entity: 'inventory_item', entityId: item.id, siteId: site.id, detail: { assetTag } },
      at,
    );
    return { ...item, assetTag, updatedAt: at, updatedBy: actor };
  });
  return { items: tagged };
}
