import { appText } from '../i18n/app-text';
/**
 * A duration given in hours, for people: "7 min 53 s" under ten minutes, "35 min", "6.5 h",
 * "3.2 d"; "—" when unknown. Each unit rounds half up from whole seconds.
 */
export function formatHours(h: number | null): string {
  if (h === null) return '—';
  const seconds = Math.round(h * 3600);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 600) {
    const s = seconds % 60;
    return s === 0 ? `${seconds / 60} min` : appText('dashboard.formatHours.minS', { min: Math.floor(seconds / 60), s });
  }
  const minutes = Math.floor((seconds + 30) / 60);
  if (minutes < 60) return `${minutes} min`;
  if (h < 48) return `${Math.round(h * 10) / 10} h`;
  return `${Math.round((h / 24) * 10) / 10} d`;
}
