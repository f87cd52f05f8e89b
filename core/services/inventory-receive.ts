import type { ApiParsedInput } from '../../shared/contract';
import { ARRIVED_STATES } from '../../shared/domain/enums';
import type { InventoryItem, ReceiveResult } from '../../shared/domain/inventory';
import { normalizeSerial } from '../../shared/logic/serial';
import { cachedStatement } from '../db/statement-cache';
import { DomainError, notFound } from './domain-error';
import { fromRaw, INVENTORY_COLUMNS, reconcile } from './inventory-rows';
import { created, recordActivity, updated, type ServiceContext } from './service-context';
import { requireSite } from './site-service';

// Raw SQL, prepared once per connection (docs/architecture.md, data access): the scan is the hot
// path, its reads steer SQLite to an index, and preparing the UPDATE compiles the table's triggers.

type Raw = Parameters<typeof fromRaw>[0];

// `+site_id` keeps SQLite on the serial-key indexes: a serial is far more selective than a site.
function findAtSite(ctx: ServiceContext, siteId: string, key: string): InventoryItem | null {
  const row = cachedStatement(
    ctx.sqlite,
    `SELECT * FROM (
       SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE expected_serial_key = @key AND +site_id = @siteId
       UNION ALL
       SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE found_serial_key = @key AND +site_id = @siteId
     ) ORDER BY isSurplus LIMIT 1`,
  ).get({ siteId, key }) as Raw | undefined;
  return row ? fromRaw(row) : null;
}

function findElsewhere(ctx: ServiceContext, siteId: string, key: string): ReceiveResult['otherSite'] {
  const row = cachedStatement(
    ctx.sqlite,
    `SELECT s.id AS siteId, s.code, s.name FROM inventory_items i JOIN sites s ON s.id = i.site_id
     WHERE i.expected_serial_key = ? AND +i.site_id <> ? LIMIT 1`,
  ).get(key, siteId) as { siteId: string; code: string; name: string } | undefined;
  return row ?? null;
}

function itemById(ctx: ServiceContext, itemId: string): InventoryItem | null {
  const row = cachedStatement(ctx.sqlite, `SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE id = ?`).get(itemId) as Raw | undefined;
  return row ? fromRaw(row) : null;
}

/**
 * One scan. An expected serial at this site is marked received (time, user); a serial already
 * received is reported, not changed; a serial expected elsewhere names that site; anything else is unknown.
 */
export function receiveSerial(ctx: ServiceContext, { siteId, serial }: ApiParsedInput<'inventory.receive'>): ReceiveResult {
  requireSite(ctx, siteId);
  const key = normalizeSerial(serial);
  const match = findAtSite(ctx, siteId, key);
  const result = (
    outcome: ReceiveResult['outcome'],
    item: InventoryItem | null,
    otherSite: ReceiveResult['otherSite'] = null,
  ): ReceiveResult => ({
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
  cachedStatement(
    ctx.sqlite,
    `UPDATE inventory_items SET state = 'received', found_serial = @serial, found_serial_key = @key, received_at = @at, received_by = @who,
       updated_at = @at, updated_by = @who WHERE id = @id`,
  ).run({ serial, key, at, who, id: match.id });
  recordActivity(ctx, { action: 'received', entity: 'inventory_item', entityId: match.id, siteId, detail: { serial } }, at);
  return result('received', {
    ...match,
    state: 'received',
    foundSerial: serial,
    receivedAt: at,
    receivedBy: who,
    updatedAt: at,
    updatedBy: who,
  });
}

export function recordSurplus(ctx: ServiceContext, input: ApiParsedInput<'inventory.recordSurplus'>): InventoryItem {
  requireSite(ctx, input.siteId);
  const key = normalizeSerial(input.serial);
  if (findAtSite(ctx, input.siteId, key)) {
    throw new DomainError('conflict', `Serial ${input.serial} is already on this site's inventory`);
  }
  const at = ctx.clock.now();
  const item: InventoryItem = {
    id: ctx.newId(),
    siteId: input.siteId,
    componentId: null,
    manufacturer: input.manufacturer,
    model: input.model,
    expectedSerial: null,
    assetTag: null,
    room: '',
    rack: '',
    unit: '',
    foundSerial: input.serial,
    state: 'received',
    isSurplus: true,
    receivedAt: at,
    receivedBy: ctx.actor(),
    note: input.note,
    ...created(ctx, at),
  };
  cachedStatement(
    ctx.sqlite,
    `INSERT INTO inventory_items (id, site_id, component_id, manufacturer, model, expected_serial, expected_serial_key, asset_tag, room, rack, unit,
       found_serial, found_serial_key, state, is_surplus, received_at, received_by, note, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @siteId, NULL, @manufacturer, @model, NULL, NULL, NULL, '', '', '', @foundSerial, @key, 'received', 1, @receivedAt, @receivedBy, @note,
       @createdAt, @createdBy, @updatedAt, @updatedBy)`,
  ).run({
    id: item.id,
    siteId: item.siteId,
    manufacturer: item.manufacturer,
    model: item.model,
    foundSerial: item.foundSerial,
    key,
    receivedAt: item.receivedAt,
    receivedBy: item.receivedBy,
    note: item.note,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
  });
  recordActivity(
    ctx,
    { action: 'surplus_recorded', entity: 'inventory_item', entityId: item.id, siteId: input.siteId, detail: { serial: input.serial } },
    at,
  );
  return item;
}

export function setInventoryState(ctx: ServiceContext, { itemId, state, note }: ApiParsedInput<'inventory.setState'>): InventoryItem {
  const item = itemById(ctx, itemId);
  if (!item) throw notFound('Inventory item', itemId);
  const at = ctx.clock.now();
  const arriving = item.receivedAt === null && ARRIVED_STATES.includes(state);
  const changed: InventoryItem = {
    ...item,
    state,
    note: note ?? item.note,
    ...(arriving ? { receivedAt: at, receivedBy: ctx.actor() } : {}),
    ...updated(ctx, at),
  };
  cachedStatement(
    ctx.sqlite,
    `UPDATE inventory_items SET state = @state, note = @note, received_at = @receivedAt, received_by = @receivedBy, updated_at = @updatedAt, updated_by = @updatedBy
     WHERE id = @id`,
  ).run({
    state: changed.state,
    note: changed.note,
    receivedAt: changed.receivedAt,
    receivedBy: changed.receivedBy,
    updatedAt: changed.updatedAt,
    updatedBy: changed.updatedBy,
    id: itemId,
  });
  recordActivity(
    ctx,
    { action: 'state_changed', entity: 'inventory_item', entityId: itemId, siteId: item.siteId, detail: { from: item.state, to: state } },
    at,
  );
  return itemById(ctx, itemId)!;
}
