import type { FastifyInstance } from 'fastify';
import { registerAuthRoutes } from '../accounts/auth-routes';
import { registerAppUpdateRoutes } from '../app-updates/app-update-routes';
import { registerDeviceKeyRoutes } from '../accounts/device-key-routes';
import { registerUserListRoute } from '../accounts/user-list-route';
import { blobSettingsFromEnv, type BlobSettings } from '../blobs/blob-policy';
import { registerBlobRoutes } from '../blobs/blob-routes';
import type { CentralDb } from '../db/central-db';
import { registerSyncRoutes } from '../sync/sync-routes';
import { registerAssetTagNumberRoute } from '../labels/asset-tag-number-routes';
import { createHttpServer, type HttpServerOptions } from './create-http-server';
import { installErrorHandling } from './error-handler';
import { registerHealthRoute } from './health-route';
import { installRequestGuards } from './request-guards';

export interface BuildAppOptions extends HttpServerOptions {
  db: CentralDb;
  /** An instance from `createHttpServer` (start-server creates it first to log the migration); a new one by default. */
  app?: FastifyInstance;
  /** Attachment quota, grace period and purge interval; the environment's (blob-policy.ts) by default. */
  blobs?: Partial<BlobSettings>;
}

/** The whole HTTP API over one central database: health, accounts, attachments, sync. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = options.app ?? createHttpServer(options);
  const { db } = options;
  installErrorHandling(app);
  installRequestGuards(app, db);
  registerHealthRoute(app, db);
  registerAuthRoutes(app, db);
  registerDeviceKeyRoutes(app, db);
  registerAssetTagNumberRoute(app, db);
  registerUserListRoute(app, db);
  registerBlobRoutes(app, db, { ...blobSettingsFromEnv(), ...options.blobs });
  registerSyncRoutes(app, { db, log: app.log });
  registerAppUpdateRoutes(app, db);
  await app.ready();
  return app;
}
