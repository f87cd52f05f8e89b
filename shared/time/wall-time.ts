/**
 * Wall-clock times in a named time zone ("site time"), one place: the forms enter schedule windows,
 * outage times and sessions as a datetime-local value in the site's zone; the core and tests read them
 * the same way. Pure `Intl`, so it runs in the renderer, the core and shared rules alike.
 */

/** Making an Intl formatter costs far more than using one: one per zone and purpose (a site import reads thousands of times). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'offset' | 'wall', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    made =
      kind === 'offset'
        ? new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        : new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    if (formatters.size > 1000) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = formatter('offset', timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** "2025-03-12T08:00" read as wall time in `timeZone` → ISO 8601 UTC, or null when empty/invalid. */
export function wallTimeToIso(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  try {
    let utc = guess - zoneOffsetMs(guess, timeZone);
    // Across a DST change the offset at the result can differ from the offset at the guess.
    utc = guess - zoneOffsetMs(utc, timeZone);
    return new Date(utc).toISOString();
  } catch {
    return null;
  }
}

/** An ISO instant → "YYYY-MM-DDTHH:mm" as wall time in `timeZone`, for a datetime-local input. */
export function isoToWallTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  try {
    const parts = formatter('wall', timeZone).formatToParts(new Date(iso));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  } catch {
    return '';
  }
}
