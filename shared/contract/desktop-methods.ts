import { z } from 'zod';
import { notificationSettingsSchema } from '../desktop/notification-rules';
import { command, query } from './define';

/** Desktop niceties: the OS notification switches (shown by the Electron shell only). */
export const desktopMethods = {
  'notifications.get': query(
    z.object({}).strict(),
    notificationSettingsSchema,
    "This device's notification switches (defaults: on in the desktop app, off in the browser shell)",
  ),
  'notifications.set': command(
    notificationSettingsSchema,
    notificationSettingsSchema,
    'Turn OS notifications for finished check jobs and sync conflicts on or off on this device',
  ),
} as const;
