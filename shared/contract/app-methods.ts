import { z } from 'zod';
import { profileSchema } from '../domain/profile';
import { command, query } from './define';

const empty = z.object({}).strict();

export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  shell: z.enum(['electron', 'browser', 'test']),
  /**
   * How device secrets (SSH passwords, the device token, the signing key) are sealed at rest.
   * `weak`: Electron's `basic_text` fallback on Linux without a keyring (a fixed key): the UI says so.
   */
  secretStorage: z.object({ backend: z.string(), weak: z.boolean() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appMethods = {
  'app.info': query(empty, appInfoSchema, 'Version, schema version, data directory and shell'),
  'profile.get': query(empty, profileSchema.nullable(), 'The local profile, or null before first run'),
  'profile.set': command(profileSchema, profileSchema, 'Choose or change the local profile'),
  'sample.open': command(
    empty,
    z.object({ deploymentId: z.string() }),
    'Create the sample deployment (or return it when it already exists)',
  ),
} as const;
