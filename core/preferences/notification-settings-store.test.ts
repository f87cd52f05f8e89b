import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, tempDataDir, type TestCore } from '../../test/support/temp-core';
import { NOTIFICATION_SETTINGS_FILE, readNotificationSettings } from './notification-settings-store';

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

describe('notification settings', () => {
  it('defaults by shell: on for the desktop app, off for the browser shell', () => {
    const dataDir = tempDataDir();
    expect(readNotificationSettings(dataDir, 'electron')).toEqual({ checkJobs: true, syncConflicts: true });
    expect(readNotificationSettings(dataDir, 'browser')).toEqual({ checkJobs: false, syncConflicts: false });
  });

  it('are saved to the data folder through the API before it answers, and read back by every shell', () => {
    const core = openTestCore();
    cores.push(core);
    expect(core.call('notifications.get', {})).toEqual({ checkJobs: false, syncConflicts: false });
    expect(core.call('notifications.set', { checkJobs: true, syncConflicts: false })).toEqual({ checkJobs: true, syncConflicts: false });
    const file = path.join(core.dataDir, NOTIFICATION_SETTINGS_FILE);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ checkJobs: true, syncConflicts: false });
    expect(readNotificationSettings(core.dataDir, 'electron')).toEqual({ checkJobs: true, syncConflicts: false });
    expect(fs.readdirSync(core.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a malformed setting and falls back to the defaults for a damaged file', () => {
    const core = openTestCore();
    cores.push(core);
    const refused = core.core.dispatch('notifications.set', { checkJobs: 'yes', syncConflicts: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    fs.writeFileSync(path.join(core.dataDir, NOTIFICATION_SETTINGS_FILE), '{"checkJobs": tru');
    expect(readNotificationSettings(core.dataDir, 'electron')).toEqual({ checkJobs: true, syncConflicts: true });
  });
});
