import type { ChecklistPhase, ComponentKind, ComponentScope, EvidenceKind } from '../db/schema/column-types';
import { checklistTemplateItems, checklistTemplates, components, requirements, targetMachines, waves } from '../db/schema';
import { normalizeSerial } from '../../shared/logic/serial';
import { created, type ServiceContext } from '../services/service-context';

/**
 * Writes the parts of a deployment plan. Plan authoring and import build on these; the
 * sample deployment and the tests use them today. Call inside a transaction.
 */
export function addWave(
  ctx: ServiceContext,
  w: { deploymentId: string; name: string; sequence: number; isPilot?: boolean; startsAt?: string | null; endsAt?: string | null },
): string {
  const id = ctx.newId();
  ctx.db
    .insert(waves)
    .values({
      id,
      deploymentId: w.deploymentId,
      name: w.name,
      sequence: w.sequence,
      isPilot: w.isPilot ?? false,
      startsAt: w.startsAt ?? null,
      endsAt: w.endsAt ?? null,
      ...created(ctx),
    })
    .run();
  return id;
}

export interface ComponentDraft {
  deploymentId: string;
  name: string;
  kind: ComponentKind;
  scope?: ComponentScope;
  targetVersion?: string | null;
  manufacturer?: string | null;
  model?: string | null;
}

export function addComponent(ctx: ServiceContext, c: ComponentDraft): string {
  const id = ctx.newId();
  ctx.db
    .insert(components)
    .values({
      id,
      deploymentId: c.deploymentId,
      name: c.name,
      kind: c.kind,
      scope: c.scope ?? 'site',
      targetVersion: c.targetVersion ?? null,
      manufacturer: c.manufacturer ?? null,
      model: c.model ?? null,
      ...created(ctx),
    })
    .run();
  return id;
}

export function addRequirement(
  ctx: ServiceContext,
  r: { deploymentId: string; kind: string; description: string; targetRole?: string | null; params: Record<string, unknown> },
): string {
  const id = ctx.newId();
  ctx.db
    .insert(requirements)
    .values({
      id,
      deploymentId: r.deploymentId,
      kind: r.kind,
      description: r.description,
      targetRole: r.targetRole ?? null,
      params: r.params,
      ...created(ctx),
    })
    .run();
  return id;
}

export interface InventoryDraft {
  componentId?: string | null;
  manufacturer: string;
  model: string;
  expectedSerial: string | null;
  assetTag?: string | null;
  room?: string;
  rack?: string;
  unit?: string;
}

/** Inserts expected inventory for one site; returns the new ids in order. */
export function addInventoryItems(ctx: ServiceContext, siteId: string, drafts: readonly InventoryDraft[]): string[] {
  const audit = created(ctx);
  const insert = ctx.sqlite.prepare(
    `INSERT INTO inventory_items (id, site_id, component_id, manufacturer, model, expected_serial, expected_serial_key, asset_tag, room, rack, unit, state, is_surplus, note, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'expected', 0, '', ?, ?, ?, ?)`,
  );
  return drafts.map((d) => {
    const id = ctx.newId();
    insert.run(
      id,
      siteId,
      d.componentId ?? null,
      d.manufacturer,
      d.model,
      d.expectedSerial,
      d.expectedSerial ? normalizeSerial(d.expectedSerial) : null,
      d.assetTag ?? null,
      d.room ?? '',
      d.rack ?? '',
      d.unit ?? '',
      audit.createdAt,
      audit.createdBy,
      audit.updatedAt,
      audit.updatedBy,
    );
    return id;
  });
}

export function addTargetMachine(
  ctx: ServiceContext,
  m: {
    siteId: string;
    hostName: string;
    address: string;
    port?: number;
    username?: string;
    role?: string;
    inventoryItemId?: string | null;
  },
): string {
  const id = ctx.newId();
  ctx.db
    .insert(targetMachines)
    .values({
      id,
      siteId: m.siteId,
      hostName: m.hostName,
      address: m.address,
      port: m.port ?? 22,
      username: m.username ?? '',
      role: m.role ?? '',
      inventoryItemId: m.inventoryItemId ?? null,
      ...created(ctx),
    })
    .run();
  return id;
}

export interface TemplateItemDraft {
  phase: ChecklistPhase;
  title: string;
  instructions?: string;
  required?: boolean;
  evidence?: EvidenceKind;
  /** Index (in this list) of the item this one depends on. */
  dependsOnIndex?: number;
}

export function addChecklistTemplate(ctx: ServiceContext, deploymentId: string, name: string, items: readonly TemplateItemDraft[]): string {
  const templateId = ctx.newId();
  ctx.db
    .insert(checklistTemplates)
    .values({ id: templateId, deploymentId, name, ...created(ctx) })
    .run();
  const ids = items.map(() => ctx.newId());
  const positions = new Map<ChecklistPhase, number>();
  items.forEach((item, index) => {
    const position = (positions.get(item.phase) ?? 0) + 1;
    positions.set(item.phase, position);
    const dependsOn = item.dependsOnIndex === undefined ? null : (ids[item.dependsOnIndex] ?? null);
    ctx.db
      .insert(checklistTemplateItems)
      .values({
        id: ids[index]!,
        templateId,
        phase: item.phase,
        position,
        title: item.title,
        instructions: item.instructions ?? '',
        required: item.required ?? true,
        evidence: item.evidence ?? 'none',
        dependsOn,
      })
      .run();
  });
  return templateId;
}
