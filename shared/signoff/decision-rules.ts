import { OPEN_ISSUE_STATUSES } from '../domain/issue';
import type { ReviewIssue, SignOffDecision } from '../domain/signoff';

export interface ProposedException {
  issueId: string;
  reason: string;
}

export type DecisionVerdict = { allowed: true } | { allowed: false; reason: string };

const isOpen = (issue: ReviewIssue) => OPEN_ISSUE_STATUSES.includes(issue.status);
export const openBlocking = (issues: readonly ReviewIssue[]) => issues.filter((i) => i.blocksSignOff && isOpen(i));

const numbers = (issues: readonly ReviewIssue[]) => issues.map((i) => `#${i.number}`).join(', ');

/** What to do while open blocking issues are not all accepted as exceptions (one wording everywhere). */
export function uncoveredBlockingMessage(uncovered: readonly ReviewIssue[]): string {
  const n = uncovered.length;
  return `${n} open blocking ${n === 1 ? 'issue' : 'issues'} (${numbers(uncovered)}): accept ${n === 1 ? 'it' : 'each'} as an exception with a reason, then choose "Accepted with exceptions"; or choose "Rejected" with a reason.`;
}

export const CHOOSE_WITH_EXCEPTIONS = 'Issues are accepted as exceptions: choose "Accepted with exceptions" to sign.';

/**
 * The one sign-off banner about blocking issues, from the decision being drafted: what is left to
 * do, or null when blocking issues do not stand in the way. Says the same as `checkDecision`.
 */
export function blockingGuidance(
  decision: SignOffDecision,
  exceptions: readonly ProposedException[],
  issues: readonly ReviewIssue[],
): string | null {
  const blocking = openBlocking(issues);
  if (blocking.length === 0 || decision === 'rejected') return null;
  const covered = new Set(exceptions.filter((e) => e.reason.trim() !== '').map((e) => e.issueId));
  const uncovered = blocking.filter((i) => !covered.has(i.id));
  if (uncovered.length > 0) return uncoveredBlockingMessage(uncovered);
  return decision === 'accepted' ? CHOOSE_WITH_EXCEPTIONS : null;
}

/**
 * Whether a decision may be signed over these issues:
 * - every exception names an open issue of the review, once, with a reason;
 * - "accepted" takes no exceptions and no open blocking issue;
 * - "accepted with exceptions" takes at least one exception and must cover every open blocking issue;
 * - "rejected" needs a reason and takes no exceptions.
 */
export function checkDecision(
  decision: SignOffDecision,
  reason: string,
  exceptions: readonly ProposedException[],
  issues: readonly ReviewIssue[],
): DecisionVerdict {
  const byId = new Map(issues.map((i) => [i.id, i]));
  const seen = new Set<string>();
  for (const e of exceptions) {
    const issue = byId.get(e.issueId);
    if (!issue) return { allowed: false, reason: `Issue ${e.issueId} is not part of this review` };
    if (!isOpen(issue))
      return { allowed: false, reason: `Issue #${issue.number} is not open; only open issues can be accepted as exceptions` };
    if (seen.has(e.issueId)) return { allowed: false, reason: `Issue #${issue.number} is listed twice` };
    if (e.reason.trim() === '') return { allowed: false, reason: `Give a reason for accepting issue #${issue.number} as an exception` };
    seen.add(e.issueId);
  }
  const uncovered = openBlocking(issues).filter((i) => !seen.has(i.id));
  switch (decision) {
    case 'rejected':
      if (reason.trim() === '') return { allowed: false, reason: 'Give a reason for rejecting' };
      if (exceptions.length > 0) return { allowed: false, reason: 'A rejection takes no exceptions' };
      return { allowed: true };
    case 'accepted':
      if (uncovered.length > 0) return { allowed: false, reason: uncoveredBlockingMessage(uncovered) };
      if (exceptions.length > 0) return { allowed: false, reason: CHOOSE_WITH_EXCEPTIONS };
      return { allowed: true };
    case 'accepted_with_exceptions':
      if (uncovered.length > 0) return { allowed: false, reason: uncoveredBlockingMessage(uncovered) };
      if (exceptions.length === 0) return { allowed: false, reason: 'Accept at least one issue as an exception, or choose "Accepted"' };
      return { allowed: true };
  }
}
