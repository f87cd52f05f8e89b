import type { ApiParsedInput } from '../../shared/contract';
import type { EvidencePhoto } from '../../shared/domain/checklist';
import { checkItemPhoto } from '../../shared/logic/inventory-rules';
import { cachedStatement } from '../db/statement-cache';
import { DomainError, notFound } from './domain-error';
import { recordActivity, type ServiceContext } from './service-context';

interface PhotoRow {
  sha256: string;
  linked_at: string;
  linked_by: string;
}

const toPhoto = (row: PhotoRow): EvidencePhoto => ({ sha256: row.sha256, linkedAt: row.linked_at, linkedBy: row.linked_by });

/** The photos of one inventory item, oldest first. */
export function itemPhotos(ctx: ServiceContext, itemId: string): EvidencePhoto[] {
  const rows = cachedStatement(
    ctx.sqlite,
    'SELECT sha256, linked_at, linked_by FROM inventory_item_photos WHERE item_id = ? ORDER BY linked_at, rowid',
  ).all(itemId) as PhotoRow[];
  return rows.map(toPhoto);
}

/** `inventory.photos` */
export function listItemPhotos(ctx: ServiceContext, { itemId }: ApiParsedInput<'inventory.photos'>): EvidencePhoto[] {
  if (!cachedStatement(ctx.sqlite, 'SELECT 1 FROM inventory_items WHERE id = ?').get(itemId)) throw notFound('Inventory item', itemId);
  return itemPhotos(ctx, itemId);
}

/**
 * `inventory.attachPhoto`: links a stored photo (attachments.put) to a surplus item, append-only;
 * the same photo again changes nothing and records no activity.
 */
export function attachItemPhoto(ctx: ServiceContext, { itemId, sha256 }: ApiParsedInput<'inventory.attachPhoto'>): EvidencePhoto[] {
  const item = cachedStatement(
    ctx.sqlite,
    'SELECT site_id AS siteId, is_surplus AS isSurplus, found_serial AS foundSerial FROM inventory_items WHERE id = ?',
  ).get(itemId) as { siteId: string; isSurplus: number; foundSerial: string | null } | undefined;
  if (!item) throw notFound('Inventory item', itemId);
  const verdict = checkItemPhoto({ isSurplus: item.isSurplus === 1, foundSerial: item.foundSerial });
  if (!verdict.allowed) throw new DomainError('rule', verdict.reason);
  const photo = cachedStatement(ctx.sqlite, 'SELECT media_type AS mediaType FROM attachments WHERE sha256 = ?').get(sha256) as
    { mediaType: string } | undefined;
  if (!photo || !photo.mediaType.startsWith('image/')) throw notFound('Photo', sha256);
  if (cachedStatement(ctx.sqlite, 'SELECT 1 FROM inventory_item_photos WHERE item_id = ? AND sha256 = ?').get(itemId, sha256))
    return itemPhotos(ctx, itemId);
  const at = ctx.clock.now();
  cachedStatement(ctx.sqlite, 'INSERT INTO inventory_item_photos (id, item_id, sha256, linked_at, linked_by) VALUES (?, ?, ?, ?, ?)').run(
    ctx.newId(),
    itemId,
    sha256,
    at,
    ctx.actor(),
  );
  recordActivity(
    ctx,
    {
      action: 'photo_attached',
      entity: 'inventory_item',
      entityId: itemId,
      siteId: item.siteId,
      detail: { sha256, serial: item.foundSerial },
    },
    at,
  );
  return itemPhotos(ctx, itemId);
}
