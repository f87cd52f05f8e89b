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

/** The zone this runtime runs in (the viewer's own, from the operating system), UTC when it names none. */
export function runtimeTimeZone(): string {
  return zoneOrUtc(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Every IANA zone the runtime knows, UTC included, for a zone picker. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
