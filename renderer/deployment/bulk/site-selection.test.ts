import { describe, expect, it } from 'vitest';
import { clickSelection, filterSites, NO_FILTER, NO_WAVE } from './site-selection';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('clickSelection', () => {
  it('toggles one row and shift-click selects the range from the anchor, either direction', () => {
    let s = clickSelection(new Set(), ids, null, 'b', false);
    expect([...s.selected]).toEqual(['b']);
    s = clickSelection(s.selected, ids, s.anchor, 'd', true);
    expect([...s.selected].sort()).toEqual(['b', 'c', 'd']);
    s = clickSelection(s.selected, ids, 'e', 'a', true);
    expect([...s.selected].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('shift-click on a selected row clears the range; without an anchor it toggles one row', () => {
    const s = clickSelection(new Set(ids), ids, 'b', 'd', true);
    expect([...s.selected].sort()).toEqual(['a', 'e']);
    expect([...clickSelection(new Set(), ids, null, 'c', true).selected]).toEqual(['c']);
  });
});

describe('filterSites', () => {
  const site = (code: string, waveId: string | null, status: 'planned' | 'ready', tech: string[]) => ({
    code,
    name: `Store ${code}`,
    address: 'Main St',
    waveId,
    status,
    technicians: tech.map((name) => ({ id: null, name })),
  });
  const sites = [
    site('AMS-1', 'w1', 'planned', ['Riley Field']),
    site('UTR-2', 'w2', 'ready', []),
    site('RTM-3', null, 'planned', ['Sam']),
  ];
  it('combines text, wave, status and technician', () => {
    expect(filterSites(sites, NO_FILTER)).toHaveLength(3);
    expect(filterSites(sites, { ...NO_FILTER, text: 'utr' }).map((s) => s.code)).toEqual(['UTR-2']);
    expect(filterSites(sites, { ...NO_FILTER, waveId: NO_WAVE }).map((s) => s.code)).toEqual(['RTM-3']);
    expect(filterSites(sites, { ...NO_FILTER, status: 'planned', technician: 'riley' }).map((s) => s.code)).toEqual(['AMS-1']);
  });
});
