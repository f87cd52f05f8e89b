import type { z } from 'zod';
import type { ChecklistItemState, ChecklistPhase, componentScopeSchema, InventoryState } from '../domain/enums';
import type { ReviewIssue, SignOffDecision, SignOffKind } from '../domain/signoff';
import { isOpenRequired } from '../logic/checklist-rules';
import { isMissing } from '../logic/inventory-rules';
import { formatInstant } from '../time/format-time';
import { checkDecision, openBlocking, type DecisionVerdict, type ProposedException } from './decision-rules';

/**
 * The sign-off gates: what must be finished before a site sheet may say "Accepted". Sheets record
 * the rule that judged them (`gateRule`); a sheet without one was judged by the earlier rule, which
 * only looked at blocking issues, and stays valid. `outpost.gates/2` had no open-outage gap; `/3` adds it.
 */
export const GATE_RULE = 'outpost.gates/3';
export const LEGACY_GATE_RULE = 'outpost.gates/1';

type ComponentScope = z.infer<typeof componentScopeSchema>;

export type GapKind = 'checklist_item' | 'missing_item' | 'failed_check' | 'open_issue' | 'open_outage';

/** One open gap: `id` is stable (kind and row id), `label` names it for people. */
export interface Gap {
  id: string;
  kind: GapKind;
  label: string;
}

export interface GapReason {
  gapId: string;
  reason: string;
}

/** What the gates look at, read from the site's rows. */
export interface GateFacts {
  checklist: readonly { id: string; phase: ChecklistPhase; title: string; required: boolean; state: ChecklistItemState }[];
  /** Inventory rows; `scope` is that of the item's component (null: not tied to a component). */
  inventory: readonly {
    id: string;
    assetTag: string | null;
    model: string;
    serial: string | null;
    state: InventoryState;
    isSurplus: boolean;
    scope: ComponentScope | null;
  }[];
  /** Target machines with their newest finished check run (null: never checked); `scope` via the machine's inventory item. */
  targets: readonly {
    id: string;
    hostName: string;
    scope: ComponentScope | null;
    latest: { outcome: string; fail: number; error: number } | null;
  }[];
  issues: readonly ReviewIssue[];
  /** Outages recorded on the site's issues that have no end yet; `scope` is that of the affected component (null: none named). */
  openOutages: readonly {
    issueId: string;
    number: number;
    title: string;
    component: string | null;
    scope: ComponentScope | null;
    startedAt: string;
    timeZone: string;
  }[];
}

/**
 * Checklist phases a sheet's gate covers. Checklist items are not tied to components, so the core
 * sheet covers the preparation and installation phases; the rollback phase is never required for
 * a site that is signed as deployed. The hand-over phase (documentation, passwords, support contacts)
 * is part of a complete site.
 */
export const GATED_PHASES: Record<Exclude<SignOffKind, 'deployment_milestone'>, readonly ChecklistPhase[]> = {
  core_components: ['before', 'during'],
  site_complete: ['before', 'during', 'after', 'handover'],
};

const inScope = (kind: SignOffKind, scope: ComponentScope | null) => kind === 'site_complete' || scope === 'core';

function checkPassed(latest: { outcome: string; fail: number; error: number }): boolean {
  return latest.outcome === 'completed' && latest.fail === 0 && latest.error === 0;
}

function checkGapLabel(t: GateFacts['targets'][number]): string {
  if (!t.latest) return `${t.hostName}: never checked`;
  if (t.latest.outcome !== 'completed') return `${t.hostName}: latest check ${t.latest.outcome.replace(/_/g, ' ')}`;
  return `${t.hostName}: latest check ${t.latest.fail} failed, ${t.latest.error} errors`;
}

function itemName(i: GateFacts['inventory'][number]): string {
  const serial = i.serial ? `serial ${i.serial}` : 'no serial';
  return `${i.model} (${[i.assetTag, serial].filter(Boolean).join(', ')})`;
}

/** Every open gap of a site sheet, in the order the review shows them; none for the milestone (its own close-out rule). */
export function gateGaps(kind: SignOffKind, facts: GateFacts): Gap[] {
  if (kind === 'deployment_milestone') return [];
  const phases = GATED_PHASES[kind];
  const checklist = facts.checklist
    .filter((i) => phases.includes(i.phase) && isOpenRequired(i))
    .map((i): Gap => ({
      id: `checklist:${i.id}`,
      kind: 'checklist_item',
      label: `Checklist (${i.phase === 'handover' ? 'hand-over' : i.phase}): "${i.title}" is ${i.state === 'failed' ? 'failed' : 'not done'}`,
    }));
  const missing = facts.inventory
    .filter((i) => inScope(kind, i.scope) && isMissing(i))
    .map((i): Gap => ({ id: `inventory:${i.id}`, kind: 'missing_item', label: `Inventory: ${itemName(i)} not received (${i.state})` }));
  const checks = facts.targets
    .filter((t) => inScope(kind, t.scope) && !(t.latest && checkPassed(t.latest)))
    .map((t): Gap => ({ id: `check:${t.id}`, kind: 'failed_check', label: `Check: ${checkGapLabel(t)}` }));
  const issues = openBlocking(facts.issues).map((i): Gap => ({
    id: issueGapId(i.id),
    kind: 'open_issue',
    label: `Issue #${i.number} "${i.title}" is open and blocks sign-off`,
  }));
  const outages = facts.openOutages
    .filter((o) => inScope(kind, o.scope))
    .map((o): Gap => ({ id: `outage:${o.issueId}`, kind: 'open_outage', label: outageGapLabel(o) }));
  return [...checklist, ...missing, ...checks, ...issues, ...outages];
}

export const issueGapId = (issueId: string) => `issue:${issueId}`;

function outageGapLabel(o: GateFacts['openOutages'][number]): string {
  return `Outage: ${o.component ?? 'service'} down since ${formatInstant(o.startedAt, o.timeZone, 'dateTime', 'en-GB')}, no end recorded (issue #${o.number} "${o.title}")`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The refusal of "Accepted" over gaps: names every gap. */
export function notCompleteMessage(gaps: readonly Gap[]): string {
  return `Not complete, so it cannot be "Accepted": ${plural(gaps.length, 'open gap')}: ${gaps.map((g) => g.label).join('; ')}. Finish the work, or choose "Accepted with exceptions" and give a reason for each gap.`;
}

export interface GatedDecision {
  decision: SignOffDecision;
  reason: string;
  /** Open issues accepted as exceptions (issue gaps are covered this way). */
  exceptions: readonly ProposedException[];
  /** Reasons for the other gaps (checklist, inventory, checks). */
  gapReasons: readonly GapReason[];
}

/**
 * Whether a decision may be signed over these gaps and issues (the review, the sign button and the
 * core all ask this):
 * - "accepted" only without any gap;
 * - "accepted with exceptions" when every gap has a reason (issues by accepting them as exceptions);
 * - "rejected" with a reason and no exceptions;
 * plus the issue rules of `checkDecision`.
 */
export function checkGatedDecision(d: GatedDecision, gaps: readonly Gap[], issues: readonly ReviewIssue[]): DecisionVerdict {
  const reasonable = new Map(gaps.filter((g) => g.kind !== 'open_issue').map((g) => [g.id, g]));
  const seen = new Set<string>();
  for (const r of d.gapReasons) {
    const gap = reasonable.get(r.gapId);
    if (!gap) return { allowed: false, reason: `${r.gapId} is not an open gap of this review (issues are accepted as exceptions)` };
    if (seen.has(r.gapId)) return { allowed: false, reason: `${gap.label}: listed twice` };
    if (r.reason.trim() === '') return { allowed: false, reason: `Give a reason for the gap: ${gap.label}` };
    seen.add(r.gapId);
  }
  switch (d.decision) {
    case 'rejected':
      if (d.gapReasons.length > 0) return { allowed: false, reason: 'A rejection takes no exceptions' };
      return checkDecision(d.decision, d.reason, d.exceptions, issues);
    case 'accepted':
      if (gaps.length > 0) return { allowed: false, reason: notCompleteMessage(gaps) };
      if (d.gapReasons.length > 0) return { allowed: false, reason: 'Gaps have reasons: choose "Accepted with exceptions" to sign.' };
      return checkDecision(d.decision, d.reason, d.exceptions, issues);
    case 'accepted_with_exceptions': {
      const issueVerdict = checkDecision(d.decision, d.reason, d.exceptions, issues);
      // With gaps other than issues, their reasons are the exceptions: the issue rule's "at least one exception" is met by them.
      const onlyGapExceptions = d.exceptions.length === 0 && reasonable.size > 0 && checkDecision('accepted', d.reason, [], issues).allowed;
      if (!issueVerdict.allowed && !onlyGapExceptions) return issueVerdict;
      const uncovered = [...reasonable.values()].filter((g) => !seen.has(g.id));
      if (uncovered.length > 0)
        return {
          allowed: false,
          reason: `Give a reason for ${uncovered.length === 1 ? 'the open gap' : `each of ${uncovered.length} open gaps`}: ${uncovered.map((g) => g.label).join('; ')}`,
        };
      return { allowed: true };
    }
  }
}

/** The gaps as the sheet records them: each with the reason it was accepted with ('' when rejected or none). */
export function recordedGaps(gaps: readonly Gap[], d: Pick<GatedDecision, 'exceptions' | 'gapReasons'>): (Gap & { reason: string })[] {
  const reasons = new Map<string, string>([
    ...d.gapReasons.map((r) => [r.gapId, r.reason] as const),
    ...d.exceptions.map((e) => [issueGapId(e.issueId), e.reason] as const),
  ]);
  return gaps.map((g) => ({ ...g, reason: reasons.get(g.id) ?? '' }));
}
