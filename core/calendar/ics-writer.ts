import { ICalCalendar, ICalCalendarMethod, ICalEventStatus, type ICalDateTimeValue } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { CalendarEventContent } from '../../shared/calendar/calendar-event';
import { wallClockParts } from '../../shared/time/wall-time';
import { foldLines } from './fold-lines';

/**
 * iCalendar text through ical-generator, with a VTIMEZONE per zone from timezones-ical-library
 * (IANA data bundled with the package; nothing is fetched). Times are written as wall time in the
 * site's zone (DTSTART;TZID=…), so a calendar shows "08:00 site time" whatever its own zone.
 */

export interface IcsEvent {
  content: CalendarEventContent;
  sequence: number;
  cancelled: boolean;
}

export interface IcsCalendar {
  /** PUBLISH for the schedule files, CANCEL for the owner's cancellation (see docs/data-model.md). */
  method: 'PUBLISH' | 'CANCEL';
  name: string;
  /** DTSTAMP of every event: when the file was made. */
  stamp: string;
  events: readonly IcsEvent[];
}

const blocks = new Map<string, string | null>();

/** The zone's VTIMEZONE, its TZID as the site names the zone; null when the library lacks the zone. */
export function vtimezoneOf(zone: string): string | null {
  let block = blocks.get(zone);
  if (block === undefined) {
    const answer = tzlib_get_ical_block(zone);
    const text = Array.isArray(answer) ? answer[0] : undefined;
    // The library answers a linked zone with its target's block (UTC → Etc/UTC, Amsterdam → Brussels,
    // same rules); the events name the zone as the site does, so the block is named so too.
    block =
      text && text.startsWith('BEGIN:VTIMEZONE')
        ? text.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`)
        : null;
    blocks.set(zone, block);
  }
  return block;
}

/**
 * An instant ical-generator writes as wall time in `zone`. ical-generator formats a plain Date in
 * the process's own zone, so it gets the shape of a Luxon DateTime it knows (`toJSDate`,
 * `setZone`, `toFormat` with the two patterns it uses) instead of a dependency on Luxon.
 */
function zonedInstant(iso: string, zone: string): ICalDateTimeValue {
  const ms = Date.parse(iso);
  const wall = () => wallClockParts(ms, zone);
  const zoned = {
    isValid: true,
    zone: { type: 'iana' },
    toJSDate: () => new Date(ms),
    setZone: () => zoned,
    toFormat(pattern: string): string {
      const p = wall();
      if (pattern === 'yyyyLLdd') return `${p.year}${p.month}${p.day}`;
      if (pattern === 'HHmmss') return `${p.hour}${p.minute}${p.second}`;
      throw new Error(`Unexpected date pattern ${pattern}`);
    },
    toJSON: () => new Date(ms).toISOString(),
  };
  return zoned;
}

/**
 * The calendar as .ics text (CRLF lines, folded at 75 octets). ical-generator writes each part; the
 * calendar is put together here so that the folding (fold-lines.ts) stays fast for 2,000 events.
 */
export function renderIcs(cal: IcsCalendar): string {
  const calendar = new ICalCalendar({
    prodId: { company: 'Outpost', product: 'Deployment schedule', language: 'EN' },
    method: cal.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    name: cal.name,
  });
  const stamp = new Date(cal.stamp);
  const zones = new Set<string>();
  const events: string[] = [];
  for (const { content: e, sequence, cancelled } of cal.events) {
    // UTC needs no VTIMEZONE (written as …Z); a zone the library lacks is written in UTC too.
    const zone = e.timeZone === 'UTC' || vtimezoneOf(e.timeZone) === null ? null : e.timeZone;
    if (zone) zones.add(zone);
    const event = calendar.createEvent({
      id: e.uid,
      sequence,
      stamp,
      start: zone ? zonedInstant(e.start, zone) : new Date(e.start),
      end: zone ? zonedInstant(e.end, zone) : new Date(e.end),
      timezone: zone,
      summary: e.summary,
      description: e.description,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (e.location !== '') event.location(e.location);
    if (e.attendee) event.createAttendee({ name: e.attendee.name, email: e.attendee.email, rsvp: false });
    events.push(event.toString());
  }
  calendar.clear();
  // The calendar's own lines without its END, then one VTIMEZONE per zone used, then the events.
  const head = calendar.toString().replace(/END:VCALENDAR$/, '');
  const timezones = [...zones].sort().map((z) => `${vtimezoneOf(z)!.replace(/\r?\n/g, '\r\n')}\r\n`);
  return `${head}${timezones.join('')}${foldLines(events.join(''))}END:VCALENDAR\r\n`;
}
