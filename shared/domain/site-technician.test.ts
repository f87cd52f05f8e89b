import { describe, expect, it } from 'vitest';
import { parseTechnicianEntries, siteTechnicianInputSchema, technicianEntriesJson, uniqueTechnicians } from './site-technician';

const RILEY = { id: '0b7d5c1e-3f0a-4a51-9c3e-5d2b8e4f6a10', name: 'Riley Field' };

describe('site technicians', () => {
  it('reads names only (older rows, typed offline) and users, dropping blanks and repeats', () => {
    expect(parseTechnicianEntries(['Tom', ' tom ', '', RILEY, { ...RILEY, name: 'Riley (renamed)' }])).toEqual([
      { id: null, name: 'Tom' },
      { id: null, name: 'tom' },
      RILEY,
    ]);
    expect(parseTechnicianEntries([])).toEqual([]);
  });

  it('refuses anything else', () => {
    for (const bad of [null, 'Tom', [1], [{ name: 'No id' }], [{ id: 'riley', name: 'Riley' }], [{ ...RILEY, role: 'admin' }]]) {
      expect(parseTechnicianEntries(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('stores a name only as a string and a user as {id, name}, and reads it back the same', () => {
    const list = [RILEY, { id: null, name: 'Sam' }];
    const json = technicianEntriesJson(list);
    expect(JSON.parse(json)).toEqual([RILEY, 'Sam']);
    expect(parseTechnicianEntries(JSON.parse(json))).toEqual(list);
  });

  it('takes a typed name or a picked user as input; two users of the same display name stay two', () => {
    expect(siteTechnicianInputSchema.parse(' Sam ')).toEqual({ id: null, name: 'Sam' });
    expect(siteTechnicianInputSchema.parse(RILEY)).toEqual(RILEY);
    const twin = { id: '5f0c2a9e-8d41-4b6f-a3c2-1e9d7b6a5c40', name: 'Riley Field' };
    expect(uniqueTechnicians([RILEY, twin, RILEY])).toEqual([RILEY, twin]);
  });
});
