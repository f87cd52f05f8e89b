import { asc, eq, sql } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { Wave } from '../../shared/domain/deployment';
import { spanEndsAfterStart, WAVE_SPAN_MESSAGE } from '../../shared/domain/time-span';
import { sites, waves } from '../db/schema';
import { DomainError, notFound } from '../services/domain-error';
import { created, recordActivity, updated, type ServiceContext } from '../services/service-context';
import { given, invalid } from './author-guard';
import { requireDeployment } from './deployment-authoring';

function requireWave(ctx: ServiceContext, waveId: string): Wave {
  const row = ctx.db.select().from(waves).where(eq(waves.id, waveId)).get();
  if (!row) throw notFound('Wave', waveId);
  return row;
}

function checkSpan(startsAt: string | null, endsAt: string | null): void {
  if (!spanEndsAfterStart(startsAt, endsAt)) throw invalid('endsAt', WAVE_SPAN_MESSAGE);
}

/** `waves.create`: appended at the end; the first wave of a deployment (sequence 1) is the pilot. */
export function createWave(ctx: ServiceContext, input: ApiParsedInput<'waves.create'>): Wave {
  requireDeployment(ctx, input.deploymentId);
  checkSpan(input.startsAt, input.endsAt);
  const last = ctx.db
    .select({ max: sql<number | null>`max(${waves.sequence})` })
    .from(waves)
    .where(eq(waves.deploymentId, input.deploymentId))
    .get();
  const sequence = (last?.max ?? 0) + 1;
  const row: Wave = { id: ctx.newId(), ...input, sequence, isPilot: sequence === 1, ...created(ctx) };
  ctx.db.insert(waves).values(row).run();
  recordActivity(ctx, {
    action: 'created',
    entity: 'wave',
    entityId: row.id,
    detail: { deploymentId: input.deploymentId, name: row.name, sequence },
  });
  return row;
}

export function updateWave(ctx: ServiceContext, input: ApiParsedInput<'waves.update'>): Wave {
  const { waveId, ...rest } = input;
  const current = requireWave(ctx, waveId);
  const patch = given(rest);
  checkSpan(patch.startsAt === undefined ? current.startsAt : patch.startsAt, patch.endsAt === undefined ? current.endsAt : patch.endsAt);
  if (Object.keys(patch).length === 0) return current;
  ctx.db
    .update(waves)
    .set({ ...patch, ...updated(ctx) })
    .where(eq(waves.id, waveId))
    .run();
  recordActivity(ctx, { action: 'updated', entity: 'wave', entityId: waveId, detail: { fields: Object.keys(patch) } });
  return requireWave(ctx, waveId);
}

/** `waves.delete`: refused while sites belong to the wave; the rest are renumbered so sequence 1 stays the pilot. */
export function deleteWave(ctx: ServiceContext, { waveId }: ApiParsedInput<'waves.delete'>): { deleted: true } {
  const wave = requireWave(ctx, waveId);
  const count =
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(sites)
      .where(eq(sites.waveId, waveId))
      .get()?.n ?? 0;
  if (count > 0) throw new DomainError('rule', `Wave "${wave.name}" has ${count} site(s); move them to another wave first`);
  ctx.db.delete(waves).where(eq(waves.id, waveId)).run();
  const rest = ctx.db.select().from(waves).where(eq(waves.deploymentId, wave.deploymentId)).orderBy(asc(waves.sequence)).all();
  rest.forEach((w, index) => {
    const sequence = index + 1;
    if (w.sequence !== sequence || w.isPilot !== (sequence === 1)) {
      ctx.db
        .update(waves)
        .set({ sequence, isPilot: sequence === 1, ...updated(ctx) })
        .where(eq(waves.id, w.id))
        .run();
    }
  });
  recordActivity(ctx, {
    action: 'deleted',
    entity: 'wave',
    entityId: waveId,
    detail: { deploymentId: wave.deploymentId, name: wave.name },
  });
  return { deleted: true };
}
