import { z } from 'zod';
import { command, query } from './define';

const empty = z.object({}).strict();

/** What the desktop's updater is doing (electron-updater against the central server's feed). */
export const appUpdatePhaseSchema = z.enum([
  'unavailable', // the browser shell, or a development build: updates apply to the installed desktop app
  'not_signed_in', // updates come from the central server: sign in first
  'idle',
  'checking',
  'downloading',
  'downloaded',
  'up_to_date',
  'error',
]);

export const appUpdateStatusSchema = z.object({
  phase: appUpdatePhaseSchema,
  /** The version on offer (being downloaded or downloaded). */
  version: z.string().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  message: z.string().nullable(),
  lastCheckAt: z.string().nullable(),
  /** "Restart to update" is offered only when idle (shared/app-updates/update-when-idle.ts). */
  restart: z.object({ offer: z.boolean(), waitingFor: z.enum(['sync', 'check_job']).nullable() }),
});
export type AppUpdateStatus = z.infer<typeof appUpdateStatusSchema>;

export const appUpdateMethods = {
  'appUpdate.status': query(
    empty,
    appUpdateStatusSchema,
    'The desktop app update: phase, version on offer, whether a restart may install it now',
  ),
  'appUpdate.restart': command(
    empty,
    z.object({ restarting: z.literal(true), version: z.string() }),
    'Restart the desktop app to install the downloaded update (refused while a sync or check job is pending)',
  ),
} as const;
