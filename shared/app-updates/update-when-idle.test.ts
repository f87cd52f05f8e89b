import { describe, expect, it } from 'vitest';
import { restartOffer, UPDATE_CHECK_INTERVAL_MS, updateCheckDue } from './update-when-idle';

describe('the update-when-idle rule', () => {
  const idle = { downloadedVersion: '1.5.0', syncPending: false, checkJobRunning: false };

  it('offers "Restart to update" only with a downloaded update, nothing to sync and no check job running', () => {
    expect(restartOffer(idle)).toEqual({ offer: true, version: '1.5.0' });
    expect(restartOffer({ ...idle, downloadedVersion: null })).toEqual({ offer: false, reason: 'nothing_downloaded' });
    expect(restartOffer({ ...idle, syncPending: true })).toEqual({ offer: false, reason: 'sync_pending' });
    expect(restartOffer({ ...idle, checkJobRunning: true })).toEqual({ offer: false, reason: 'check_running' });
    expect(restartOffer({ ...idle, syncPending: true, checkJobRunning: true })).toEqual({ offer: false, reason: 'check_running' });
  });

  it('checks on start and then daily, only when online', () => {
    const now = 1_800_000_000_000;
    expect(updateCheckDue(null, now, true)).toBe(true);
    expect(updateCheckDue(null, now, false)).toBe(false);
    expect(updateCheckDue(now - UPDATE_CHECK_INTERVAL_MS + 1, now, true)).toBe(false);
    expect(updateCheckDue(now - UPDATE_CHECK_INTERVAL_MS, now, true)).toBe(true);
    expect(updateCheckDue(now - 3 * UPDATE_CHECK_INTERVAL_MS, now, false)).toBe(false);
  });
});
