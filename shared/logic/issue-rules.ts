import type { SiteStatus } from '../domain/enums';
import {
  issueCategorySchema,
  issueSeveritySchema,
  issueStatusSchema,
  OPEN_ISSUE_STATUSES,
  type Issue,
  type IssueCategory,
  type IssueEvent,
  type IssueSeverity,
  type IssueStatus,
} from '../domain/issue';

/**
 * The allowed status changes of an issue. The normal flow runs forward along
 * open → in_progress → escalated → resolved → closed (a step may be skipped, e.g. an issue fixed
 * without escalation goes from in_progress to resolved; only a resolved issue can be closed).
 * Reopening goes from resolved, closed or accepted_exception back to open. Any open status
 * (open, in_progress, escalated) may be accepted as an exception, with a reason.
 */
export const ISSUE_TRANSITIONS: Readonly<Record<IssueStatus, readonly IssueStatus[]>> = {
  open: ['in_progress', 'escalated', 'resolved', 'accepted_exception'],
  in_progress: ['escalated', 'resolved', 'accepted_exception'],
  escalated: ['resolved', 'accepted_exception'],
  resolved: ['closed', 'open'],
  closed: ['open'],
  accepted_exception: ['open'],
};

export const MAX_ESCALATION_LEVEL = 5;

export type IssueEventKind = IssueEvent['kind'];
export type TransitionVerdict = { allowed: true; event: IssueEventKind } | { allowed: false; reason: string };

export function isOpenIssueStatus(status: IssueStatus): boolean {
  return OPEN_ISSUE_STATUSES.includes(status);
}

/** An issue that still blocks an "accepted" sign-off. */
export function isOpenBlocking(issue: Pick<Issue, 'status' | 'blocksSignOff'>): boolean {
  return issue.blocksSignOff && isOpenIssueStatus(issue.status);
}

/** The history event a status change is recorded as. */
export function eventKindForStatus(from: IssueStatus, to: IssueStatus): IssueEventKind {
  if (to === 'open' && !isOpenIssueStatus(from)) return 'reopened';
  if (to === 'resolved' || to === 'closed' || to === 'accepted_exception' || to === 'escalated') return to;
  return 'status_changed';
}

export function checkStatusTransition(from: IssueStatus, to: IssueStatus, reason: string): TransitionVerdict {
  if (from === to) return { allowed: false, reason: `The issue is already ${label(to)}` };
  if (!ISSUE_TRANSITIONS[from].includes(to)) {
    return { allowed: false, reason: `An issue that is ${label(from)} cannot become ${label(to)}` };
  }
  if (to === 'accepted_exception' && reason.trim() === '') {
    return { allowed: false, reason: 'Say why the issue is accepted as an exception: a reason is required' };
  }
  return { allowed: true, event: eventKindForStatus(from, to) };
}

export type EscalationVerdict = { allowed: true } | { allowed: false; reason: string };

/** Escalation raises the level (1 … MAX_ESCALATION_LEVEL) of an issue that is still open. */
export function checkEscalation(issue: Pick<Issue, 'status' | 'escalationLevel'>, level: number, reason: string): EscalationVerdict {
  if (!isOpenIssueStatus(issue.status))
    return { allowed: false, reason: `An issue that is ${label(issue.status)} cannot be escalated; reopen it first` };
  if (!Number.isInteger(level) || level < 1 || level > MAX_ESCALATION_LEVEL) {
    return { allowed: false, reason: `The escalation level must be between 1 and ${MAX_ESCALATION_LEVEL}` };
  }
  if (level <= issue.escalationLevel) {
    return { allowed: false, reason: `The issue is already escalated to level ${issue.escalationLevel}; choose a higher level` };
  }
  if (reason.trim() === '') return { allowed: false, reason: 'Say why the issue is escalated: a reason is required' };
  return { allowed: true };
}

export interface IssueCounts {
  bySeverity: Record<IssueSeverity, number>;
  byStatus: Record<IssueStatus, number>;
  byCategory: Record<IssueCategory, number>;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Counts by severity, status and category, every key present (zero when none). */
export function countIssues(issues: readonly Pick<Issue, 'severity' | 'status' | 'category'>[]): IssueCounts {
  const counts: IssueCounts = {
    bySeverity: zeroes(issueSeveritySchema.options),
    byStatus: zeroes(issueStatusSchema.options),
    byCategory: zeroes(issueCategorySchema.options),
  };
  for (const issue of issues) {
    counts.bySeverity[issue.severity] += 1;
    counts.byStatus[issue.status] += 1;
    counts.byCategory[issue.category] += 1;
  }
  return counts;
}

/** A site can be rolled back (with a reason), but not twice in a row. */
export function checkRollback(status: SiteStatus, reason: string): EscalationVerdict {
  if (status === 'rolled_back') return { allowed: false, reason: 'The site is already rolled back' };
  if (reason.trim() === '') return { allowed: false, reason: 'Say why the site is rolled back: a reason is required' };
  return { allowed: true };
}

export function label(status: IssueStatus): string {
  return status === 'accepted_exception' ? 'accepted as an exception' : status.replace('_', ' ');
}
