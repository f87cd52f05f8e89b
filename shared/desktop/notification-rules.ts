import { z } from 'zod';
import { formatDeepLink } from './deep-link';

/**
 * Which core events become an OS notification, the one rule both shells use. The core emits the
 * events (core/events/core-events.ts) without knowing about any shell; Electron's main process
 * shows what this rule returns with its `Notification`.
 */
export type CoreEvent =
  | {
      kind: 'check_job_finished';
      jobId: string;
      state: 'finished' | 'cancelled';
      /** The checked site, or null when it was deleted meanwhile. */
      site: { id: string; code: string; deploymentId: string } | null;
      hosts: number;
      /** Hosts whose check did not complete (unreachable, refused key, error…). */
      problemHosts: number;
      failingRequirements: number;
    }
  | { kind: 'sync_conflicts'; added: number; open: number };

export const notificationSettingsSchema = z
  .object({
    checkJobs: z.boolean(),
    syncConflicts: z.boolean(),
  })
  .strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** On in the desktop app; off in the browser shell (a browser tab asking for notifications is noise). */
export function defaultNotificationSettings(shell: 'electron' | 'browser' | 'test'): NotificationSettings {
  const on = shell === 'electron';
  return { checkJobs: on, syncConflicts: on };
}

export interface DesktopNotification {
  title: string;
  body: string;
  /** Where a click on it leads (an `outpost://` link), or null. */
  link: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The notification for an event, or null: the setting for its kind is off, the user is looking at
 * the app already (the app shows it), the job was cancelled (by the user), or nothing is new.
 */
export function notificationFor(event: CoreEvent, settings: NotificationSettings, appFocused: boolean): DesktopNotification | null {
  if (appFocused) return null;
  if (event.kind === 'check_job_finished') {
    if (!settings.checkJobs || event.state !== 'finished' || event.hosts === 0) return null;
    const where = event.site ? ` at ${event.site.code}` : '';
    const problems = [
      event.failingRequirements > 0 ? plural(event.failingRequirements, 'failing requirement', 'failing requirements') : '',
      event.problemHosts > 0 ? `${plural(event.problemHosts, 'machine', 'machines')} not checked` : '',
    ].filter(Boolean);
    return {
      title: `Checks finished${where}`,
      body: `${plural(event.hosts, 'machine', 'machines')}: ${problems.length > 0 ? problems.join(', ') : 'all passing'}`,
      link: event.site ? formatDeepLink({ kind: 'site', siteCode: event.site.code, deploymentId: event.site.deploymentId }) : null,
    };
  }
  if (!settings.syncConflicts || event.added <= 0) return null;
  return {
    title: event.added === 1 ? 'A sync conflict needs you' : `${event.added} sync conflicts need you`,
    body: `${plural(event.open, 'conflict is', 'conflicts are')} open: someone changed the same data on the server. Open Sync to compare.`,
    link: null,
  };
}
