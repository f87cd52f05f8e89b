import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';

/** One VEVENT as a calendar program reads it back: instants in UTC, the zone as named. */
export interface ReadEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  description: string;
  tzid: string | null;
  startUtc: string;
  endUtc: string;
  attendee: string | null;
}

export interface ReadCalendar {
  method: string | null;
  events: ReadEvent[];
  /** Each VTIMEZONE's TZID with the kinds of its observances ("STANDARD", "DAYLIGHT"). */
  zones: Record<string, string[]>;
}

/** Parses .ics text with ical.js (the parser Thunderbird uses), registering its VTIMEZONEs first. */
export function readWithIcalJs(text: string): ReadCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones: Record<string, string[]> = {};
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(tz, tz.tzid);
    zones[tz.tzid] = vtz.getAllSubcomponents().map((c) => c.name.toUpperCase());
  }
  const events = root.getAllSubcomponents('vevent').map((v): ReadEvent => {
    const e = new ICAL.Event(v);
    const attendee = v.getFirstPropertyValue('attendee');
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
      summary: e.summary,
      description: e.description,
      tzid: v.getFirstProperty('dtstart')?.getParameter('tzid')?.toString() ?? null,
      startUtc: e.startDate.toJSDate().toISOString(),
      endUtc: e.endDate.toJSDate().toISOString(),
      attendee: typeof attendee === 'string' ? attendee.replace(/^mailto:/i, 'mailto:') : null,
    };
  });
  return { method: (root.getFirstPropertyValue('method') as string | null) ?? null, events, zones };
}

/** True when Debian's python3-icalendar is installed (it is not installed by the tests). */
export function pythonIcalendarAvailable(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import icalendar'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PY_READER = `
import json, sys, icalendar
from datetime import timezone
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {'method': str(cal.get('method')) if cal.get('method') else None, 'events': []}
for e in cal.walk('VEVENT'):
    s, t = e.decoded('dtstart'), e.decoded('dtend')
    out['events'].append({'uid': str(e.get('uid')), 'sequence': int(e.get('sequence', 0)), 'status': str(e.get('status')) if e.get('status') else None,
        'tzid': e.get('dtstart').params.get('TZID'), 'startUtc': s.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z'), 'endUtc': t.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')})
print(json.dumps(out))
`;

/** The same file read by python icalendar (a second, independent parser). */
export function readWithPythonIcalendar(
  text: string,
): Pick<ReadCalendar, 'method'> & { events: Pick<ReadEvent, 'uid' | 'sequence' | 'status' | 'tzid' | 'startUtc' | 'endUtc'>[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-ics-'));
  try {
    const file = path.join(dir, 'calendar.ics');
    fs.writeFileSync(file, text);
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PY_READER, file], { encoding: 'utf8' })) as ReturnType<
      typeof readWithPythonIcalendar
    >;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
