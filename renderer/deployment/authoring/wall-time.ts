/** An ISO instant → "YYYY-MM-DDTHH:mm" as wall time in `timeZone`, for a datetime-local input. */
export function isoToWallTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  } catch {
    return '';
  }
}
