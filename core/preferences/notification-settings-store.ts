import fs from 'node:fs';
import path from 'node:path';
import {
  defaultNotificationSettings,
  notificationSettingsSchema,
  type NotificationSettings,
} from '../../shared/desktop/notification-rules';
import { createLogger } from '../logging/logger';

const log = createLogger('preferences');

/**
 * The device's notification switches live in a small file of the data folder (like the window
 * state): they belong to this device, are never synced, and Electron's main process reads them
 * for every event without a database round trip.
 */
export const NOTIFICATION_SETTINGS_FILE = 'notification-settings.json';

export function readNotificationSettings(dataDir: string, shell: 'electron' | 'browser' | 'test'): NotificationSettings {
  const file = path.join(dataDir, NOTIFICATION_SETTINGS_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return defaultNotificationSettings(shell);
  }
  try {
    const parsed = notificationSettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through: a damaged file means the defaults, said once in the log
  }
  log.warn('notification settings unreadable; using the defaults', { file });
  return defaultNotificationSettings(shell);
}

/** Written to a temporary file, flushed, then renamed over the old one: a crash leaves the old or the new file, never half of one. */
export function writeNotificationSettings(dataDir: string, settings: NotificationSettings): NotificationSettings {
  const valid = notificationSettingsSchema.parse(settings);
  const file = path.join(dataDir, NOTIFICATION_SETTINGS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  return valid;
}
