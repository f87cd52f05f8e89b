import { describe, expect, it } from 'vitest';
import { siteAutoMapping } from './header-aliases';
import { readWindowCell, windowCell } from './site-time-cell';

describe('site list headers', () => {
  it('recognises planning-sheet headers in any case; "Site" is the name beside a code column and the code alone', () => {
    expect(siteAutoMapping(['Store code', 'Site', 'Timezone', 'Owner E-mail', 'Techs', 'Colour'])).toEqual([
      'code',
      'name',
      'timeZone',
      'ownerEmail',
      'technicians',
      'ignore',
    ]);
    expect(siteAutoMapping(['Site', 'Name', 'TZ', 'Wave'])).toEqual(['code', 'name', 'timeZone', 'wave']);
    expect(siteAutoMapping(['Code', 'Code', 'Time zone'])).toEqual(['code', 'ignore', 'timeZone']);
  });
});

describe('window cells in site time', () => {
  it('reads wall time in the site zone, across a DST change, and ISO instants with their own offset', () => {
    expect(readWindowCell('2027-03-01 20:00', 'Europe/Amsterdam')).toEqual({ iso: '2027-03-01T19:00:00.000Z' });
    expect(readWindowCell('2027-07-01T20:00', 'Europe/Amsterdam')).toEqual({ iso: '2027-07-01T18:00:00.000Z' });
    expect(readWindowCell('2027-03-14 01:30', 'America/New_York')).toEqual({ iso: '2027-03-14T06:30:00.000Z' });
    expect(readWindowCell('2027-03-14 03:30', 'America/New_York')).toEqual({ iso: '2027-03-14T07:30:00.000Z' });
    expect(readWindowCell('2027-03-01T19:00:00Z', 'Asia/Tokyo')).toEqual({ iso: '2027-03-01T19:00:00.000Z' });
    expect(readWindowCell('', 'Asia/Tokyo')).toEqual({ iso: null });
  });

  it('refuses what is not a date and time, and dates that do not exist', () => {
    expect(readWindowCell('next Tuesday', 'Europe/Amsterdam')).toEqual({ error: expect.stringContaining('Not a date and time') });
    expect(readWindowCell('2027-02-30 20:00', 'Europe/Amsterdam')).toEqual({ error: 'No such date and time: "2027-02-30 20:00"' });
    expect(readWindowCell('2027-03-01 24:00', 'Europe/Amsterdam')).toEqual({ error: expect.stringContaining('No such date') });
  });

  it('writes back what it reads', () => {
    expect(windowCell('2027-07-01T18:00:00.000Z', 'Europe/Amsterdam')).toBe('2027-07-01 20:00');
    expect(windowCell(null, 'Europe/Amsterdam')).toBe('');
  });
});
