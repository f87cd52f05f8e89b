import { describe, expect, it } from 'vitest';
import { issueStatusSchema, type IssueStatus } from '../domain/issue';
import {
  checkEscalation,
  checkRollback,
  checkStatusTransition,
  countIssues,
  eventKindForStatus,
  isOpenBlocking,
  ISSUE_TRANSITIONS,
} from './issue-rules';

const allowed = (from: IssueStatus, to: IssueStatus, reason = 'because') => checkStatusTransition(from, to, reason).allowed;

describe('issue rules', () => {
  it('allows the forward flow open → in_progress → escalated → resolved → closed', () => {
    expect(checkStatusTransition('open', 'in_progress', '')).toEqual({ allowed: true, event: 'status_changed' });
    expect(checkStatusTransition('in_progress', 'escalated', '')).toEqual({ allowed: true, event: 'escalated' });
    expect(checkStatusTransition('escalated', 'resolved', '')).toEqual({ allowed: true, event: 'resolved' });
    expect(checkStatusTransition('resolved', 'closed', '')).toEqual({ allowed: true, event: 'closed' });
  });

  it('refuses going backwards, closing an unresolved issue, and staying put', () => {
    expect(allowed('escalated', 'in_progress')).toBe(false);
    expect(allowed('in_progress', 'open')).toBe(false);
    expect(allowed('open', 'closed')).toBe(false);
    expect(allowed('closed', 'resolved')).toBe(false);
    expect(checkStatusTransition('open', 'open', '')).toEqual({ allowed: false, reason: 'The issue is already open' });
    expect(checkStatusTransition('escalated', 'in_progress', '')).toEqual({
      allowed: false,
      reason: 'An issue that is escalated cannot become in progress',
    });
  });

  it('reopens from resolved, closed and accepted_exception only, recorded as reopened', () => {
    for (const from of ['resolved', 'closed', 'accepted_exception'] as const) {
      expect(checkStatusTransition(from, 'open', '')).toEqual({ allowed: true, event: 'reopened' });
    }
    expect(eventKindForStatus('open', 'in_progress')).toBe('status_changed');
  });

  it('accepts as an exception from any open status, with a reason only', () => {
    for (const from of ['open', 'in_progress', 'escalated'] as const) {
      expect(checkStatusTransition(from, 'accepted_exception', 'Vendor replaces the PSU next week')).toEqual({
        allowed: true,
        event: 'accepted_exception',
      });
      expect(checkStatusTransition(from, 'accepted_exception', '  ')).toEqual({
        allowed: false,
        reason: expect.stringContaining('a reason is required'),
      });
    }
    expect(allowed('resolved', 'accepted_exception')).toBe(false);
    expect(allowed('closed', 'accepted_exception')).toBe(false);
  });

  it('documents a transition list for every status', () => {
    expect(Object.keys(ISSUE_TRANSITIONS).sort()).toEqual([...issueStatusSchema.options].sort());
  });

  it('escalates only open issues, to a higher level, with a reason', () => {
    expect(checkEscalation({ status: 'open', escalationLevel: 0 }, 1, 'needs vendor')).toEqual({ allowed: true });
    expect(checkEscalation({ status: 'escalated', escalationLevel: 2 }, 2, 'again')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('higher level'),
    });
    expect(checkEscalation({ status: 'resolved', escalationLevel: 0 }, 1, 'x')).toMatchObject({ allowed: false });
    expect(checkEscalation({ status: 'open', escalationLevel: 0 }, 6, 'x')).toMatchObject({ allowed: false });
    expect(checkEscalation({ status: 'open', escalationLevel: 0 }, 1, ' ')).toMatchObject({ allowed: false });
  });

  it('counts blocking issues as open only in open statuses', () => {
    expect(isOpenBlocking({ status: 'escalated', blocksSignOff: true })).toBe(true);
    expect(isOpenBlocking({ status: 'accepted_exception', blocksSignOff: true })).toBe(false);
    expect(isOpenBlocking({ status: 'open', blocksSignOff: false })).toBe(false);
  });

  it('counts by severity, status and category with every key present', () => {
    const counts = countIssues([
      { severity: 'high', status: 'open', category: 'network' },
      { severity: 'high', status: 'closed', category: 'hardware' },
    ]);
    expect(counts.bySeverity).toEqual({ critical: 0, high: 2, medium: 0, low: 0 });
    expect(counts.byStatus.open).toBe(1);
    expect(counts.byStatus.closed).toBe(1);
    expect(counts.byStatus.escalated).toBe(0);
    expect(counts.byCategory).toMatchObject({ network: 1, hardware: 1, training: 0 });
  });

  it('rolls a site back once, with a reason', () => {
    expect(checkRollback('in_progress', 'switch dead')).toEqual({ allowed: true });
    expect(checkRollback('rolled_back', 'again')).toMatchObject({ allowed: false });
    expect(checkRollback('deployed', '')).toMatchObject({ allowed: false });
  });
});
