import { describe, expect, it } from 'vitest';
import { readWithIcalJs } from '../../test/support/ical-read';
import { foldLines } from './fold-lines';
import { renderIcs } from './ics-writer';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('iCalendar text', () => {
  it('folds at 75 octets without splitting a character, and unfolds to the same text', () => {
    const long = `DESCRIPTION:${'Zürich 東京 🙂 '.repeat(40)}`;
    const folded = foldLines(`BEGIN:X\r\n${long}\r\nEND:X`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(2, -1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:X\r\n${long}\r\nEND:X`);
    expect(foldLines('SHORT:line')).toBe('SHORT:line');
  });

  it('writes each zone once as VTIMEZONE (none for UTC), events in site time, any script intact', () => {
    const event = (uid: string, timeZone: string, start: string, end: string) => ({
      sequence: 2,
      cancelled: uid === 'b',
      content: {
        uid,
        siteId: uid,
        audience: 'team' as const,
        summary: `Störung 東京 ${uid}`,
        description: 'Zeile 1\nZeile 2; mit, Zeichen 🙂',
        location: '',
        timeZone,
        start,
        end,
        attendee: null,
      },
    });
    const text = renderIcs({
      method: 'PUBLISH',
      name: 'Rollout',
      stamp: '2026-03-01T09:00:00.000Z',
      events: [
        event('a', 'Asia/Tokyo', '2026-03-29T00:00:00.000Z', '2026-03-29T03:00:00.000Z'),
        event('b', 'Asia/Tokyo', '2026-03-30T00:00:00.000Z', '2026-03-30T03:00:00.000Z'),
        event('c', 'UTC', '2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z'),
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(text).toContain('DTSTART:20260329T000000Z');
    expect(text).toContain('DTSTART;TZID=Asia/Tokyo:20260329T090000');
    const cal = readWithIcalJs(text);
    expect(Object.keys(cal.zones)).toEqual(['Asia/Tokyo']);
    expect(cal.events.map((e) => [e.uid, e.sequence, e.status, e.startUtc, e.summary, e.description])).toEqual([
      ['a', 2, 'CONFIRMED', '2026-03-29T00:00:00.000Z', 'Störung 東京 a', 'Zeile 1\nZeile 2; mit, Zeichen 🙂'],
      ['b', 2, 'CANCELLED', '2026-03-30T00:00:00.000Z', 'Störung 東京 b', 'Zeile 1\nZeile 2; mit, Zeichen 🙂'],
      ['c', 2, 'CONFIRMED', '2026-03-29T00:00:00.000Z', 'Störung 東京 c', 'Zeile 1\nZeile 2; mit, Zeichen 🙂'],
    ]);
  });
});
