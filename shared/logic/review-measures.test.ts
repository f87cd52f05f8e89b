import { describe, expect, it } from 'vitest';
import { isoWeek, reviewMeasures, type MeasureSite } from './review-measures';

const site = (code: string, over: Partial<MeasureSite>): MeasureSite => ({
  code,
  name: `Site ${code}`,
  status: 'signed_off',
  verdict: 'signed_off',
  signedOffAt: null,
  windowStart: '2026-03-02T08:00:00Z',
  windowEnd: '2026-03-20T18:00:00Z',
  rollbacks: [],
  rejectedAt: null,
  ...over,
});

describe('post-deployment review measures', () => {
  it('counts success rate, failures, quiet-period incidents, schedule adherence and weekly throughput on known numbers', () => {
    const m = reviewMeasures({
      sites: [
        site('A', { signedOffAt: '2026-03-03T10:00:00Z' }),
        site('B', { signedOffAt: '2026-03-25T10:00:00Z' }),
        // Signed a week before its window opened: early, not on time (#17 item 12).
        site('F', { signedOffAt: '2026-03-03T10:00:00Z', windowStart: '2026-03-10T08:00:00Z' }),
        site('C', { status: 'rolled_back', verdict: 'rolled_back', rollbacks: [{ at: '2026-03-04T09:00:00Z', reason: 'Switch bricked' }] }),
        site('D', { status: 'in_progress', verdict: 'outstanding', rejectedAt: '2026-03-05T09:00:00Z' }),
        site('E', { status: 'planned', verdict: 'outstanding' }),
      ],
      issues: [
        { siteCode: 'A', number: 1, title: 'Before', severity: 'low', createdAt: '2026-03-01T00:00:00Z' },
        { siteCode: 'B', number: 2, title: 'Quiet', severity: 'high', createdAt: '2026-03-30T00:00:00Z' },
      ],
      issueClosures: ['2026-03-04T00:00:00Z', '2026-03-26T00:00:00Z'],
      quietStart: '2026-03-25T10:00:00Z',
      quietEnd: '2026-04-08T10:00:00Z',
    });
    expect(m).toMatchObject({ sitesAttempted: 5, signedOffWithoutRollback: 3, successRatePercent: 60 });
    expect(m.rollbacks).toEqual([{ siteCode: 'C', at: '2026-03-04T09:00:00Z', reason: 'Switch bricked' }]);
    expect(m.failedDeployments.map((f) => f.siteCode)).toEqual(['C', 'D']);
    expect(m.quietPeriod.incidents.map((i) => i.number)).toEqual([2]);
    expect(m.quietPeriod.downtimeMinutes).toBeNull(); // no downtime measure given
    expect(m.schedule).toEqual({ signedOff: 3, early: 1, withinWindow: 1, late: 1, noWindow: 0, adherencePercent: 33.3 });
    expect(m.throughput).toEqual([
      { week: '2026-W10', sitesSignedOff: 2, issuesClosed: 1 },
      { week: '2026-W13', sitesSignedOff: 1, issuesClosed: 1 },
    ]);
  });

  it('names ISO weeks across a year boundary', () => {
    expect(isoWeek('2026-01-01T12:00:00Z')).toBe('2026-W01');
    expect(isoWeek('2027-01-01T12:00:00Z')).toBe('2026-W53');
  });
});
