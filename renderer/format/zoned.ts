/** Wall-clock times in a named time zone, for schedule windows entered as "site time" (the conversion and the zones live in shared/time). */

export { wallTimeToIso } from '../../shared/time/wall-time';
export { knownTimeZones as supportedTimeZones, runtimeTimeZone as localTimeZone } from '../../shared/time/time-zone';
