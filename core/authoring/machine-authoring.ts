import { eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { TargetMachine } from '../../shared/domain/machine';
import { inventoryItems, targetMachines } from '../db/schema';
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

/** Adds a machine without an activity entry (the caller records one): `machines.create` and the target import. */
export function insertMachine(ctx: ServiceContext, input: ApiParsedInput<'machines.create'>): TargetMachine {
  requireSite(ctx, input.siteId);
  checkInventoryLink(ctx, input.siteId, input.inventoryItemId);
  const row: TargetMachine = { id: ctx.newId(), ...input, ...created(ctx) };
  ctx.db.insert(targetMachines).values(row).run();
  return row;
}

/** `machines.create`: host name and address were checked against the safe patterns by the contract. */
export function createMachine(ctx: ServiceContext, input: ApiParsedInput<'machines.create'>): TargetMachine {
  const row = insertMachine(ctx, input);
  recordActivity(ctx, { action: 'created', entity: 'target_machine', entityId: row.id, siteId: row.siteId, detail: { hostName: row.hostName } });
  return row;
}

/** Changes the given fields without an activity entry; returns the fields changed. */
export function patchMachine(ctx: ServiceContext, input: ApiParsedInput<'machines.update'>): { current: TargetMachine; fields: string[] } {
  const { machineId, ...rest } = input;
  const current = requireMachine(ctx, machineId);
  const patch = given(rest);
  if (patch.inventoryItemId !== undefined) checkInventoryLink(ctx, current.siteId, patch.inventoryItemId);
  if (Object.keys(patch).length === 0) return { current, fields: [] };
  ctx.db.update(targetMachines).set({ ...patch, ...updated(ctx) }).where(eq(targetMachines.id, machineId)).run();
  return { current, fields: Object.keys(patch) };
}

export function updateMachine(ctx: ServiceContext, input: ApiParsedInput<'machines.update'>): TargetMachine {
  const { current, fields } = patchMachine(ctx, input);
  if (fields.length === 0) return current;
  recordActivity(ctx, { action: 'updated', entity: 'target_machine', entityId: input.machineId, siteId: current.siteId, detail: { fields } });
  return requireMachine(ctx, input.machineId);
}

export function deleteMachine(ctx: ServiceContext, { machineId }: ApiParsedInput<'machines.delete'>): { deleted: true } {
  const current = requireMachine(ctx, machineId);
  ctx.db.delete(targetMachines).where(eq(targetMachines.id, machineId)).run();
  recordActivity(ctx, { action: 'deleted', entity: 'target_machine', entityId: machineId, siteId: current.siteId, detail: { hostName: current.hostName } });
  return { deleted: true };
}
