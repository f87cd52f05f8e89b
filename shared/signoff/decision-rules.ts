import { OPEN_ISSUE_STATUSES } from '../domain/issue';
import type { ReviewIssue, SignOffDecision } from '../domain/signoff';

export interface ProposedException {
  issueId: string;
  reason: string;
}

export type DecisionVerdict = { allowed: true } | { allowed: false; reason: string };

const isOpen = (issue: ReviewIssue) => OPEN_ISSUE_STATUSES.includes(issue.status);
export const openBlocking = (issues: readonly ReviewIssue[]) => issues.filter((i) => i.blocksSignOff && isOpen(i));

/**
 * Whether a decision may be signed over these issues:
 * - every exception names an open issue of the review, once, with a reason;
 * - "accepted" takes no exceptions and no open blocking issue;
 * - "accepted with exceptions" takes at least one exception and must cover every open blocking issue;
 * - "rejected" needs a reason and takes no exceptions.
 */
export function checkDecision(decision: SignOffDecision, reason: string, exceptions: readonly ProposedException[], issues: readonly ReviewIssue[]): DecisionVerdict {
  const byId = new Map(issues.map((i) => [i.id, i]));
  const seen = new Set<string>();
  for (const e of exceptions) {
    const issue = byId.get(e.issueId);
    if (!issue) return { allowed: false, reason: `Issue ${e.issueId} is not part of this review` };
    if (!isOpen(issue)) return { allowed: false, reason: `Issue #${issue.number} is not open; only open issues can be accepted as exceptions` };
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
      if (exceptions.length > 0) return { allowed: false, reason: 'Choose "accepted with exceptions" to accept issues as exceptions' };
      if (uncovered.length > 0) return { allowed: false, reason: `Open blocking issues prevent "accepted": ${uncovered.map((i) => `#${i.number}`).join(', ')}. Accept each as an exception or reject` };
      return { allowed: true };
    case 'accepted_with_exceptions':
      if (exceptions.length === 0) return { allowed: false, reason: 'Accept at least one issue as an exception, or choose "accepted"' };
      if (uncovered.length > 0) return { allowed: false, reason: `Accept every open blocking issue as an exception: ${uncovered.map((i) => `#${i.number}`).join(', ')} remain` };
      return { allowed: true };
  }
}
