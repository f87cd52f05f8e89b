import { describe, expect, it } from 'vitest';
import { parseDeepLink } from './deep-link';
import { defaultNotificationSettings, notificationFor, type CoreEvent, type NotificationSettings } from './notification-rules';

const on: NotificationSettings = { checkJobs: true, syncConflicts: true };
const off: NotificationSettings = { checkJobs: false, syncConflicts: false };
const job = (over: Partial<Extract<CoreEvent, { kind: 'check_job_finished' }>> = {}): CoreEvent => ({
  kind: 'check_job_finished',
  jobId: 'j1',
  state: 'finished',
  site: { id: 's1', code: 'AMS-001', deploymentId: 'd1' },
  hosts: 3,
  problemHosts: 0,
  failingRequirements: 0,
  ...over,
});
const conflicts = (added: number, open: number): CoreEvent => ({ kind: 'sync_conflicts', added, open });

describe('notificationFor', () => {
  it('announces a finished check job, linking to its site', () => {
    const shown = notificationFor(job(), on, false);
    expect(shown).toEqual({
      title: 'Checks finished at AMS-001',
      body: '3 machines: all passing',
      link: 'outpost://site/AMS-001?deployment=d1',
    });
    expect(parseDeepLink(shown!.link)).toEqual({ ok: true, link: { kind: 'site', siteCode: 'AMS-001', deploymentId: 'd1' } });
  });

  it('says what failed', () => {
    expect(notificationFor(job({ hosts: 1, failingRequirements: 1, problemHosts: 0 }), on, false)?.body).toBe(
      '1 machine: 1 failing requirement',
    );
    expect(notificationFor(job({ failingRequirements: 4, problemHosts: 1 }), on, false)?.body).toBe(
      '3 machines: 4 failing requirements, 1 machine not checked',
    );
    expect(notificationFor(job({ site: null }), on, false)).toMatchObject({ title: 'Checks finished', link: null });
  });

  it('stays quiet for a cancelled or empty job', () => {
    expect(notificationFor(job({ state: 'cancelled' }), on, false)).toBeNull();
    expect(notificationFor(job({ hosts: 0 }), on, false)).toBeNull();
  });

  it('announces new sync conflicts only', () => {
    expect(notificationFor(conflicts(1, 3), on, false)).toMatchObject({
      title: 'A sync conflict needs you',
      body: expect.stringContaining('3 conflicts are open'),
    });
    expect(notificationFor(conflicts(2, 2), on, false)?.title).toBe('2 sync conflicts need you');
    expect(notificationFor(conflicts(0, 5), on, false)).toBeNull();
  });

  it('with the setting off, nothing notifies; each kind has its own switch', () => {
    expect(notificationFor(job(), off, false)).toBeNull();
    expect(notificationFor(conflicts(1, 1), off, false)).toBeNull();
    expect(notificationFor(job(), { checkJobs: false, syncConflicts: true }, false)).toBeNull();
    expect(notificationFor(conflicts(1, 1), { checkJobs: false, syncConflicts: true }, false)).not.toBeNull();
    expect(notificationFor(conflicts(1, 1), { checkJobs: true, syncConflicts: false }, false)).toBeNull();
  });

  it('does not notify while the user is looking at the app', () => {
    expect(notificationFor(job(), on, true)).toBeNull();
    expect(notificationFor(conflicts(1, 1), on, true)).toBeNull();
  });

  it('is on by default in the desktop app and off in the browser shell', () => {
    expect(defaultNotificationSettings('electron')).toEqual(on);
    expect(defaultNotificationSettings('browser')).toEqual(off);
    expect(notificationFor(job(), defaultNotificationSettings('browser'), false)).toBeNull();
  });
});
