import { eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { Component } from '../../shared/domain/deployment';
import { components } from '../db/schema';
import { notFound } from '../services/domain-error';
import { created, recordActivity, updated, type ServiceContext } from '../services/service-context';
import { given, invalid } from './author-guard';
import { requireDeployment } from './deployment-authoring';

function requireComponent(ctx: ServiceContext, componentId: string): Component {
  const row = ctx.db.select().from(components).where(eq(components.id, componentId)).get();
  if (!row) throw notFound('Component', componentId);
  return row;
}

/** Software has a target version and no maker/model; hardware has a maker and model and no version. */
function normalize(c: Component): Component {
  const blank = (v: string | null) => (v === null || v.trim() === '' ? null : v);
  if (c.kind === 'software') {
    if (!blank(c.targetVersion)) throw invalid('targetVersion', 'Software needs a target version');
    return { ...c, manufacturer: null, model: null };
  }
  if (!blank(c.manufacturer) || !blank(c.model)) throw invalid('model', 'Hardware needs a maker and a model');
  return { ...c, targetVersion: null };
}

export function createComponent(ctx: ServiceContext, input: ApiParsedInput<'components.create'>): Component {
  requireDeployment(ctx, input.deploymentId);
  const row = normalize({ id: ctx.newId(), ...input, ...created(ctx) });
  ctx.db.insert(components).values(row).run();
  recordActivity(ctx, {
    action: 'created',
    entity: 'component',
    entityId: row.id,
    detail: { deploymentId: row.deploymentId, name: row.name, kind: row.kind },
  });
  return row;
}

export function updateComponent(ctx: ServiceContext, input: ApiParsedInput<'components.update'>): Component {
  const { componentId, ...rest } = input;
  const current = requireComponent(ctx, componentId);
  const patch = given(rest);
  if (Object.keys(patch).length === 0) return current;
  const next = normalize({ ...current, ...patch, ...updated(ctx) });
  ctx.db.update(components).set(next).where(eq(components.id, componentId)).run();
  recordActivity(ctx, { action: 'updated', entity: 'component', entityId: componentId, detail: { fields: Object.keys(patch) } });
  return next;
}
