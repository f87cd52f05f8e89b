import { and, asc, eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { ChecklistItem, ChecklistPhaseView, ChecklistView } from '../../shared/domain/checklist';
import { CHECKLIST_PHASES, type ChecklistPhase } from '../../shared/domain/enums';
import {
  checkItemTransition,
  checklistProgress,
  checkPhaseCompletion,
  dependentsToReopen,
  isOpenRequired,
} from '../../shared/logic/checklist-rules';
import { phaseCounts } from '../../shared/logic/checklist-progress';
import { checklistItems, checklistPhases } from '../db/schema';
import {
  itemEvidencePhotos,
  itemEvidenceRuns,
  linkPhotoToItem,
  linkRunToItem,
  siteEvidencePhotos,
  siteEvidenceRuns,
} from './checklist-evidence';
import { DomainError, notFound } from './domain-error';
import { recordActivity, updated, type ServiceContext } from './service-context';
import { requireSite } from './site-service';

function phaseView(
  phase: ChecklistPhase,
  items: ChecklistItem[],
  completion: { completedAt: string; completedBy: string } | undefined,
  counted: boolean,
): ChecklistPhaseView {
  return {
    phase,
    completedAt: completion?.completedAt ?? null,
    completedBy: completion?.completedBy ?? null,
    progress: checklistProgress(items),
    // The rollback phase has nothing "required open" until the site is rolled back.
    openRequired: counted ? items.filter(isOpenRequired).length : 0,
    items,
  };
}

function siteItems(ctx: ServiceContext, siteId: string, phase?: ChecklistPhase): ChecklistItem[] {
  const where = phase ? and(eq(checklistItems.siteId, siteId), eq(checklistItems.phase, phase)) : eq(checklistItems.siteId, siteId);
  const evidence = siteEvidenceRuns(ctx, siteId);
  const photos = siteEvidencePhotos(ctx, siteId);
  return ctx.db
    .select()
    .from(checklistItems)
    .where(where)
    .orderBy(asc(checklistItems.position))
    .all()
    .map((item) => ({ ...item, evidenceRuns: evidence.get(item.id) ?? [], evidencePhotos: photos.get(item.id) ?? [] }));
}

function requireItem(ctx: ServiceContext, itemId: string): ChecklistItem {
  const item = ctx.db.select().from(checklistItems).where(eq(checklistItems.id, itemId)).get();
  if (!item) throw notFound('Checklist item', itemId);
  return { ...item, evidenceRuns: itemEvidenceRuns(ctx, itemId), evidencePhotos: itemEvidencePhotos(ctx, itemId) };
}

function phaseCompletion(ctx: ServiceContext, siteId: string, phase: ChecklistPhase) {
  return ctx.db
    .select()
    .from(checklistPhases)
    .where(and(eq(checklistPhases.siteId, siteId), eq(checklistPhases.phase, phase)))
    .get();
}

export function getChecklist(ctx: ServiceContext, { siteId }: ApiParsedInput<'checklist.get'>): ChecklistView {
  const { status } = requireSite(ctx, siteId);
  const items = siteItems(ctx, siteId);
  const completions = new Map(
    ctx.db
      .select()
      .from(checklistPhases)
      .where(eq(checklistPhases.siteId, siteId))
      .all()
      .map((c) => [c.phase, c]),
  );
  return {
    siteId,
    progress: checklistProgress(items.filter((i) => phaseCounts(i.phase, status))),
    phases: CHECKLIST_PHASES.map((phase) =>
      phaseView(
        phase,
        items.filter((i) => i.phase === phase),
        completions.get(phase),
        phaseCounts(phase, status),
      ),
    ),
  };
}

export function setChecklistItemState(
  ctx: ServiceContext,
  { itemId, state, note }: ApiParsedInput<'checklist.setItemState'>,
): ChecklistItem {
  const item = requireItem(ctx, itemId);
  const dependency = item.dependsOn
    ? (ctx.db.select().from(checklistItems).where(eq(checklistItems.id, item.dependsOn)).get() ?? null)
    : null;
  const locked = phaseCompletion(ctx, item.siteId, item.phase) !== undefined;
  const verdict = checkItemTransition(item, state, note, dependency, locked);
  if (!verdict.allowed) throw new DomainError('rule', verdict.reason);
  const at = ctx.clock.now();
  const who = ctx.actor();
  const change = { state, note, stateBy: state === 'todo' ? null : who, stateAt: state === 'todo' ? null : at, ...updated(ctx, at) };
  const dependents = item.state === state ? [] : dependentsToReopen(siteItems(ctx, item.siteId), itemId, state);
  for (const dependent of dependents) {
    if (phaseCompletion(ctx, item.siteId, dependent.phase) !== undefined) {
      throw new DomainError(
        'rule',
        `"${dependent.title}" depends on "${item.title}" and its phase is already completed: it cannot be reopened with it`,
      );
    }
  }
  ctx.db.update(checklistItems).set(change).where(eq(checklistItems.id, itemId)).run();
  recordActivity(
    ctx,
    {
      action: 'state_changed',
      entity: 'checklist_item',
      entityId: itemId,
      siteId: item.siteId,
      detail: { from: item.state, to: state, note, reopenedDependents: dependents.map((d) => d.id) },
    },
    at,
  );
  // A done item whose prerequisite is no longer settled is reopened with it (the UI asks first).
  for (const dependent of dependents) {
    ctx.db
      .update(checklistItems)
      .set({ state: 'todo', stateBy: null, stateAt: null, ...updated(ctx, at) })
      .where(eq(checklistItems.id, dependent.id))
      .run();
    recordActivity(
      ctx,
      {
        action: 'state_changed',
        entity: 'checklist_item',
        entityId: dependent.id,
        siteId: item.siteId,
        detail: {
          from: 'done',
          to: 'todo',
          note: dependent.note,
          reopenedWith: itemId,
          reason: `Reopened with its prerequisite "${item.title}"`,
        },
      },
      at,
    );
  }
  return { ...item, ...change };
}

export function linkChecklistCheckRun(ctx: ServiceContext, { itemId, runId }: ApiParsedInput<'checklist.linkCheckRun'>): ChecklistItem {
  const item = requireItem(ctx, itemId);
  linkRunToItem(ctx, item, runId, phaseCompletion(ctx, item.siteId, item.phase) !== undefined);
  return { ...item, evidenceRuns: itemEvidenceRuns(ctx, itemId) };
}

export function attachChecklistPhoto(ctx: ServiceContext, { itemId, sha256 }: ApiParsedInput<'checklist.attachPhoto'>): ChecklistItem {
  const item = requireItem(ctx, itemId);
  linkPhotoToItem(ctx, item, sha256, phaseCompletion(ctx, item.siteId, item.phase) !== undefined);
  return { ...item, evidencePhotos: itemEvidencePhotos(ctx, itemId) };
}

export function completeChecklistPhase(
  ctx: ServiceContext,
  { siteId, phase }: ApiParsedInput<'checklist.completePhase'>,
): ChecklistPhaseView {
  const { status } = requireSite(ctx, siteId);
  const items = siteItems(ctx, siteId, phase);
  const existing = phaseCompletion(ctx, siteId, phase);
  if (existing) return phaseView(phase, items, existing, phaseCounts(phase, status));
  if (items.length === 0) throw new DomainError('rule', `The ${phase} phase has no items to complete`);
  const verdict = checkPhaseCompletion(items);
  if (!verdict.allowed) throw new DomainError('rule', `The ${phase} phase cannot be completed: ${verdict.reason}`);
  const completion = { siteId, phase, completedAt: ctx.clock.now(), completedBy: ctx.actor() };
  ctx.db.insert(checklistPhases).values(completion).run();
  recordActivity(
    ctx,
    { action: 'phase_completed', entity: 'checklist_phase', entityId: `${siteId}:${phase}`, siteId },
    completion.completedAt,
  );
  return phaseView(phase, items, completion, phaseCounts(phase, status));
}
