import { appText } from '../i18n/app-text';
/** "just now", "2 min ago", "3 h ago", "4 days ago": how long ago an ISO moment was, for the status bar. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 0) return appText('sync.relativeTime.justNow');
  if (seconds < 45) return appText('sync.relativeTime.justNow');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return appText('sync.relativeTime.minAgo', { minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return appText('sync.relativeTime.hoursAgo', { hours });
  const days = Math.round(hours / 24);
  return appText('sync.relativeTime.daysAgo', { count: days });
}
