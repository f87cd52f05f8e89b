import { describe, expect, it } from 'vitest';
import type { ReviewIssue } from '../domain/signoff';
import { blockingGuidance, checkDecision } from './decision-rules';

const issue = (id: string, status: ReviewIssue['status'], blocksSignOff: boolean, number = 1): ReviewIssue => ({
  id,
  siteCode: 'AMS-001',
  number,
  title: `Issue ${id}`,
  severity: 'high',
  category: 'hardware',
  status,
  blocksSignOff,
  escalationLevel: 0,
});

describe('sign-off decision rules', () => {
  const blocking = issue('b', 'escalated', true, 1);
  const minor = issue('m', 'open', false, 2);
  const closed = issue('c', 'closed', true, 3);

  it('refuses "accepted" while an open blocking issue is not accepted as an exception', () => {
    expect(checkDecision('accepted', '', [], [blocking, minor])).toMatchObject({ allowed: false, reason: expect.stringContaining('#1') });
    expect(checkDecision('accepted', '', [], [minor, closed])).toEqual({ allowed: true });
  });

  it('takes "accepted with exceptions" only when every open blocking issue is covered, each with a reason', () => {
    expect(checkDecision('accepted_with_exceptions', '', [{ issueId: 'b', reason: 'Parts ordered' }], [blocking, minor])).toEqual({
      allowed: true,
    });
    expect(checkDecision('accepted_with_exceptions', '', [{ issueId: 'm', reason: 'Cosmetic' }], [blocking, minor])).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('(#1)'),
    });
    expect(checkDecision('accepted_with_exceptions', '', [{ issueId: 'b', reason: ' ' }], [blocking])).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('reason'),
    });
    expect(checkDecision('accepted_with_exceptions', '', [], [minor])).toMatchObject({ allowed: false });
    expect(checkDecision('accepted', '', [{ issueId: 'b', reason: 'x' }], [blocking])).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('choose "Accepted with exceptions"'),
    });
  });

  it('accepts only open issues of the review as exceptions, once each', () => {
    expect(checkDecision('accepted_with_exceptions', '', [{ issueId: 'c', reason: 'x' }], [closed])).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('not open'),
    });
    expect(checkDecision('accepted_with_exceptions', '', [{ issueId: 'zz', reason: 'x' }], [blocking])).toMatchObject({ allowed: false });
    expect(
      checkDecision(
        'accepted_with_exceptions',
        '',
        [
          { issueId: 'b', reason: 'x' },
          { issueId: 'b', reason: 'y' },
        ],
        [blocking],
      ),
    ).toMatchObject({ allowed: false, reason: expect.stringContaining('twice') });
  });

  it('needs a reason to reject, and takes no exceptions then', () => {
    expect(checkDecision('rejected', '  ', [], [blocking])).toMatchObject({ allowed: false });
    expect(checkDecision('rejected', 'Not ready', [], [blocking])).toEqual({ allowed: true });
    expect(checkDecision('rejected', 'Not ready', [{ issueId: 'b', reason: 'x' }], [blocking])).toMatchObject({ allowed: false });
  });

  it('says one thing about blocking issues, the same in the banner and the refusal, at every step', () => {
    const steps: [Parameters<typeof checkDecision>[0], { issueId: string; reason: string }[]][] = [
      ['accepted', []],
      ['accepted', [{ issueId: 'b', reason: 'Parts ordered' }]],
      ['accepted_with_exceptions', []],
      ['accepted_with_exceptions', [{ issueId: 'm', reason: 'Cosmetic' }]],
    ];
    for (const [decision, exceptions] of steps) {
      const banner = blockingGuidance(decision, exceptions, [blocking, minor]);
      const verdict = checkDecision(decision, '', exceptions, [blocking, minor]);
      expect(banner).not.toBeNull();
      expect(verdict).toEqual({ allowed: false, reason: banner });
      expect(banner).toContain('"Accepted with exceptions"');
    }
    expect(blockingGuidance('accepted', [], [blocking])).toBe(
      '1 open blocking issue (#1): accept it as an exception with a reason, then choose "Accepted with exceptions"; or choose "Rejected" with a reason.',
    );
    expect(blockingGuidance('accepted_with_exceptions', [{ issueId: 'b', reason: 'Parts ordered' }], [blocking])).toBeNull();
    expect(blockingGuidance('rejected', [], [blocking])).toBeNull();
    expect(blockingGuidance('accepted', [], [minor])).toBeNull();
  });
});
