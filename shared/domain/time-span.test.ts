import { describe, expect, it } from 'vitest';
import { siteInputSchema } from '../contract/plan-methods';
import { siteUpdateSchema, waveInputSchema, waveUpdateSchema } from '../contract/authoring-methods';
import { SITE_WINDOW_MESSAGE, siteWindowIsValid, spanEndsAfterStart, WAVE_SPAN_MESSAGE } from './time-span';

const id = '01J00000000000000000000000';
const start = '2027-01-10T14:20:00.000Z';
const before = '2027-01-09T05:00:00.000Z';

describe('the span rule (waves and site windows)', () => {
  it('holds when an end is missing and when the end is after the start, and fails otherwise', () => {
    expect(spanEndsAfterStart(null, before)).toBe(true);
    expect(spanEndsAfterStart(start, undefined)).toBe(true);
    expect(spanEndsAfterStart(before, start)).toBe(true);
    expect(spanEndsAfterStart(start, before)).toBe(false);
    expect(spanEndsAfterStart(start, start)).toBe(false);
    expect(siteWindowIsValid({ windowStart: start, windowEnd: before })).toBe(false);
  });

  it('is part of the site create and edit schemas, reported once on the end field', () => {
    const created = siteInputSchema.safeParse({ deploymentId: id, code: 'AMS-9', name: 'A', windowStart: start, windowEnd: before });
    expect(created.success).toBe(false);
    expect(created.error?.issues).toEqual([expect.objectContaining({ path: ['windowEnd'], message: SITE_WINDOW_MESSAGE })]);
    expect(siteInputSchema.safeParse({ deploymentId: id, code: 'AMS-9', name: 'A', windowStart: before, windowEnd: start }).success).toBe(
      true,
    );
    expect(siteUpdateSchema.safeParse({ siteId: id, windowStart: start, windowEnd: before }).success).toBe(false);
  });

  it('is part of the wave create and edit schemas', () => {
    const created = waveInputSchema.safeParse({ deploymentId: id, name: 'Wave 1', startsAt: start, endsAt: before });
    expect(created.error?.issues).toEqual([expect.objectContaining({ path: ['endsAt'], message: WAVE_SPAN_MESSAGE })]);
    expect(waveUpdateSchema.safeParse({ waveId: id, startsAt: start, endsAt: before }).success).toBe(false);
  });

  it('refuses an unknown time zone when a site is created', () => {
    expect(siteInputSchema.safeParse({ deploymentId: id, code: 'AMS-9', name: 'A', timeZone: 'UTCJerusalem' }).success).toBe(false);
  });
});
