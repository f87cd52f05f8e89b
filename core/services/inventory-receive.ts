import { eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import { ARRIVED_STATES } from '../../shared/domain/enums';
import type { InventoryItem, ReceiveResult } from '../../shared/domain/inventory';
import { normalizeSerial } from '../../shared/logic/serial';
import { inventoryItems } from '../db/schema';
import { DomainError, notFound } from './domain-error';
import { fromRaw, INVENTORY_COLUMNS, reconcile, toInventoryItem } from './inventory-rows';
import { created, recordActivity, updated, type ServiceContext } from './service-context';
import { requireSite } from './site-service';

type Raw = Parameters<typeof fromRaw>[0];

// `+site_id` keeps SQLite on the serial-key indexes: a serial is far more selective than a site.
function findAtSite(ctx: ServiceContext, siteId: string, key: string): InventoryItem | null {
  const row = ctx.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE expected_serial_key = @key AND +site_id = @siteId
         UNION ALL
         SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE found_serial_key = @key AND +site_id = @siteId
       ) ORDER BY isSurplus LIMIT 1`,
    )
    .get({ siteId, key }) as Raw | undefined;
  return row ? fromRaw(row) : null;
}

function findElsewhere(ctx: ServiceContext, siteId: string, key: string): ReceiveResult['otherSite'] {
  const row = ctx.sqlite
    .prepare(
      `SELECT s.id AS siteId, s.code, s.name FROM inventory_items i JOIN sites s ON s.id = i.site_id
       WHERE i.expected_serial_key = ? AND +i.site_id <> ? LIMIT 1`,
    )
    .get(key, siteId) as { siteId: string; code: string; name: string } | undefined;
  return row ?? null;
}

/**
 * One scan. An expected serial at this site is marked received (time, user); a serial already
 * received is reported, not changed; a serial expected elsewhere names that site; anything else is unknown.
 */
export function receiveSerial(ctx: ServiceContext, { siteId, serial }: ApiParsedInput<'inventory.receive'>): ReceiveResult {
  requireSite(ctx, siteId);
  const key = normalizeSerial(serial);
  const match = findAtSite(ctx, siteId, key);
  const result = (outcome: ReceiveResult['outcome'], item: InventoryItem | null, otherSite: ReceiveResult['otherSite'] = null): ReceiveResult => ({
    outcome,
    serial,
    item,
    otherSite,
    reconciliation: reconcile(ctx, siteId),
  });
  if (!match) {
    const elsewhere = findElsewhere(ctx, siteId, key);
    return result(elsewhere ? 'other_site' : 'unknown', null, elsewhere);
  }
  if (match.state !== 'expected' && match.state !== 'missing') return result('already_received', match);
  const at = ctx.clock.now();
  const who = ctx.actor();
  ctx.db
    .update(inventoryItems)
    .set({ state: 'received', foundSerial: serial, foundSerialKey: key, receivedAt: at, receivedBy: who, ...updated(ctx, at) })
    .where(eq(inventoryItems.id, match.id))
    .run();
  recordActivity(ctx, { action: 'received', entity: 'inventory_item', entityId: match.id, siteId, detail: { serial } }, at);
  return result('received', { ...match, state: 'received', foundSerial: serial, receivedAt: at, receivedBy: who, updatedAt: at, updatedBy: who });
}

export function recordSurplus(ctx: ServiceContext, input: ApiParsedInput<'inventory.recordSurplus'>): InventoryItem {
  requireSite(ctx, input.siteId);
  const key = normalizeSerial(input.serial);
  if (findAtSite(ctx, input.siteId, key)) {
    throw new DomainError('conflict', `Serial ${input.serial} is already on this site's inventory`);
  }
  const at = ctx.clock.now();
  const row = {
    id: ctx.newId(),
    siteId: input.siteId,
    componentId: null,
    manufacturer: input.manufacturer,
    model: input.model,
    expectedSerial: null,
    expectedSerialKey: null,
    assetTag: null,
    room: '',
    rack: '',
    unit: '',
    foundSerial: input.serial,
    foundSerialKey: key,
    state: 'received' as const,
    isSurplus: true,
    receivedAt: at,
    receivedBy: ctx.actor(),
    note: input.note,
    ...created(ctx, at),
  };
  ctx.db.insert(inventoryItems).values(row).run();
  recordActivity(ctx, { action: 'surplus_recorded', entity: 'inventory_item', entityId: row.id, siteId: input.siteId, detail: { serial: input.serial } }, at);
  return toInventoryItem(row);
}

export function setInventoryState(ctx: ServiceContext, { itemId, state, note }: ApiParsedInput<'inventory.setState'>): InventoryItem {
  const item = ctx.db.select().from(inventoryItems).where(eq(inventoryItems.id, itemId)).get();
  if (!item) throw notFound('Inventory item', itemId);
  const at = ctx.clock.now();
  const arriving = item.receivedAt === null && ARRIVED_STATES.includes(state);
  ctx.db
    .update(inventoryItems)
    .set({
      state,
      note: note ?? item.note,
      ...(arriving ? { receivedAt: at, receivedBy: ctx.actor() } : {}),
      ...updated(ctx, at),
    })
    .where(eq(inventoryItems.id, itemId))
    .run();
  recordActivity(ctx, { action: 'state_changed', entity: 'inventory_item', entityId: itemId, siteId: item.siteId, detail: { from: item.state, to: state } }, at);
  return toInventoryItem(ctx.db.select().from(inventoryItems).where(eq(inventoryItems.id, itemId)).get()!);
}

