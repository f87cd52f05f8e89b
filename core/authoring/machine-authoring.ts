import { eq, inArray } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { TargetMachine } from '../../shared/domain/machine';
import { inventoryItems, sites, targetMachines } from '../db/schema';
import { notFound } from '../services/domain-error';
import { created, recordActivity, updated, type ServiceContext } from '../services/service-context';
import { requireSite } from '../services/site-service';
import { given, invalid } from './author-guard';

function requireMachine(ctx: ServiceContext, machineId: string): TargetMachine {
  const row = ctx.db.select().from(targetMachines).where(eq(targetMachines.id, machineId)).get();
  if (!row) throw notFound('Target machine', machineId);
  return row;
}

function checkInventoryLink(ctx: ServiceContext, siteId: string, inventoryItemId: string | null): void {
  if (!inventoryItemId) return;
  const item = ctx.db.select({ siteId: inventoryItems.siteId }).from(inventoryItems).where(eq(inventoryItems.id, inventoryItemId)).get();
  if (!item || item.siteId !== siteId) throw invalid('inventoryItemId', 'Link an inventory item of the same site');
}

const INSERT_BATCH = 500;

/** Every site exists (one query per batch, not one per site). */
function requireSites(ctx: ServiceContext, siteIds: readonly string[]): void {
  for (let i = 0; i < siteIds.length; i += INSERT_BATCH) {
    const batch = siteIds.slice(i, i + INSERT_BATCH);
    const found = new Set(
      ctx.db
        .select({ id: sites.id })
        .from(sites)
        .where(inArray(sites.id, batch))
        .all()
        .map((r) => r.id),
    );
    const missing = batch.find((id) => !found.has(id));
    if (missing !== undefined) throw notFound('Site', missing);
  }
}

/**
 * Adds machines without activity entries (the caller records them): `machines.create` (one) and the
 * target import (thousands). Each site and inventory link is checked once, the rows go in batches.
 */
export function insertMachines(ctx: ServiceContext, inputs: readonly ApiParsedInput<'machines.create'>[]): TargetMachine[] {
  const siteIds = [...new Set(inputs.map((i) => i.siteId))];
  if (siteIds.length === 1) requireSite(ctx, siteIds[0]!);
  else requireSites(ctx, siteIds);
  for (const input of inputs) checkInventoryLink(ctx, input.siteId, input.inventoryItemId);
  const audit = created(ctx);
  const rows: TargetMachine[] = inputs.map((input) => ({ id: ctx.newId(), ...input, ...audit }));
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    ctx.db
      .insert(targetMachines)
      .values(rows.slice(i, i + INSERT_BATCH))
      .run();
  return rows;
}

/** `machines.create`: host name and address were checked against the safe patterns by the contract. */
export function createMachine(ctx: ServiceContext, input: ApiParsedInput<'machines.create'>): TargetMachine {
  const [row] = insertMachines(ctx, [input]);
  if (!row) throw new Error('machines.create inserted nothing');
  recordActivity(ctx, {
    action: 'created',
    entity: 'target_machine',
    entityId: row.id,
    siteId: row.siteId,
    detail: { hostName: row.hostName },
  });
  return row;
}

/** Changes the given fields without an activity entry; returns the fields changed. */
export function patchMachine(ctx: ServiceContext, input: ApiParsedInput<'machines.update'>): { current: TargetMachine; fields: string[] } {
  const { machineId, ...rest } = input;
  const current = requireMachine(ctx, machineId);
  const patch = given(rest);
  if (patch.inventoryItemId !== undefined) checkInventoryLink(ctx, current.siteId, patch.inventoryItemId);
  if (Object.keys(patch).length === 0) return { current, fields: [] };
  ctx.db
    .update(targetMachines)
    .set({ ...patch, ...updated(ctx) })
    .where(eq(targetMachines.id, machineId))
    .run();
  return { current, fields: Object.keys(patch) };
}

export function updateMachine(ctx: ServiceContext, input: ApiParsedInput<'machines.update'>): TargetMachine {
  const { current, fields } = patchMachine(ctx, input);
  if (fields.length === 0) return current;
  recordActivity(ctx, {
    action: 'updated',
    entity: 'target_machine',
    entityId: input.machineId,
    siteId: current.siteId,
    detail: { fields },
  });
  return requireMachine(ctx, input.machineId);
}

export function deleteMachine(ctx: ServiceContext, { machineId }: ApiParsedInput<'machines.delete'>): { deleted: true } {
  const current = requireMachine(ctx, machineId);
  ctx.db.delete(targetMachines).where(eq(targetMachines.id, machineId)).run();
  recordActivity(ctx, {
    action: 'deleted',
    entity: 'target_machine',
    entityId: machineId,
    siteId: current.siteId,
    detail: { hostName: current.hostName },
  });
  return { deleted: true };
}
