import { describe, expect, it } from 'vitest';
import { siteRow } from './dashboard-fixture.test-data';
import { visibleRows } from './site-rows';

const rows = [
  siteRow('B-2', { status: 'signed_off', checksPass: 4, checksChecked: 4, checksTotal: 4, signedOffAt: '2026-11-02T00:00:00Z' }),
  siteRow('A-1', { status: 'blocked', openIssues: { critical: 0, high: 3, medium: 0, low: 0 }, openBlocking: 1 }),
  siteRow('C-3', {
    waveId: 'w2',
    waveName: 'Wave 1',
    name: 'Köln',
    openIssues: { critical: 1, high: 0, medium: 0, low: 0 },
    discrepancies: 2,
  }),
];
const all = { text: '', waveId: null, status: null, attention: false };

describe('dashboard site rows', () => {
  it('sort by code, issues (critical first) and checks', () => {
    expect(visibleRows(rows, all, { key: 'code', desc: false }).map((r) => r.code)).toEqual(['A-1', 'B-2', 'C-3']);
    expect(visibleRows(rows, all, { key: 'issues', desc: true }).map((r) => r.code)).toEqual(['C-3', 'A-1', 'B-2']);
    expect(visibleRows(rows, all, { key: 'checks', desc: true })[0]!.code).toBe('B-2');
  });

  it('filter by text, wave, status and attention', () => {
    expect(visibleRows(rows, { ...all, text: 'köln' }, { key: 'code', desc: false }).map((r) => r.code)).toEqual(['C-3']);
    expect(visibleRows(rows, { ...all, waveId: 'w1' }, { key: 'code', desc: false }).map((r) => r.code)).toEqual(['A-1', 'B-2']);
    expect(visibleRows(rows, { ...all, status: 'blocked' }, { key: 'code', desc: false }).map((r) => r.code)).toEqual(['A-1']);
    expect(visibleRows(rows, { ...all, attention: true }, { key: 'code', desc: false }).map((r) => r.code)).toEqual(['A-1', 'C-3']);
  });
});
