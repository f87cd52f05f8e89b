/** Time zones, one place: used by the contract, the core, the signing code and the renderer. */

/** Zones the runtime knew once it knows for good; remembered because an import asks thousands of times. */
const knownZones = new Set<string>();

/** True when the runtime knows the IANA time zone (e.g. "Europe/Amsterdam"). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0) return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    if (knownZones.size < 1000) knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone when the runtime knows it, otherwise UTC (so a bad stored value still shows a time). */
export function zoneOrUtc(zone: string | null | undefined): string {
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}
