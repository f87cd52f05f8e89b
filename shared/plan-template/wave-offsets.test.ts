import { describe, expect, it } from 'vitest';
import { offsetsToWaves, wavesToOffsets } from './wave-offsets';

describe('wave offsets', () => {
  const waves = [
    { name: 'Pilot', startsAt: '2026-03-02T08:00:00.000Z', endsAt: '2026-03-02T08:01:00.000Z' },
    { name: 'Wave 1', startsAt: '2026-03-09T08:07:00.000Z', endsAt: null },
    { name: 'Later', startsAt: null, endsAt: null },
  ];
  it('counts days from the earliest start and places them again to the minute', () => {
    const offsets = wavesToOffsets(waves);
    expect(offsets.map((w) => w.startOffsetDays)).toEqual([0, 7.004861, null]);
    expect(offsetsToWaves(offsets, '2026-10-05T06:00:00.000Z')).toEqual([
      { name: 'Pilot', startsAt: '2026-10-05T06:00:00.000Z', endsAt: '2026-10-05T06:01:00.000Z' },
      { name: 'Wave 1', startsAt: '2026-10-12T06:07:00.000Z', endsAt: null },
      { name: 'Later', startsAt: null, endsAt: null },
    ]);
  });
  it('without a new first-wave start every wave is left without dates', () => {
    expect(offsetsToWaves(wavesToOffsets(waves), null).every((w) => w.startsAt === null && w.endsAt === null)).toBe(true);
  });
});
