import type { FastifyInstance } from 'fastify';
import { signingKeySchema, type DeviceKeysResponse } from '../../shared/sync/device-key-wire';
import type { CentralDb } from '../db/central-db';
import { requirePrincipal } from '../http/principal';
import { listDeviceKeys, registerDeviceKey } from './device-keys';

/**
 * `POST /v1/devices/signing-key`: the calling device registers its signing key (a device signed in
 * before keys were registered does so on its next sync). `GET /v1/device-keys`: every registered
 * key with its user and device, for any signed-in user: public keys are not secret, and whoever
 * imports a site report file or verifies a sheet needs to know who signed it.
 */
export function registerDeviceKeyRoutes(app: FastifyInstance, db: CentralDb): void {
  app.post('/v1/devices/signing-key', async (request) => {
    const principal = requirePrincipal(request);
    const key = signingKeySchema.parse(request.body);
    const registered = await db.transaction((tx) => registerDeviceKey(tx, principal, key));
    request.log.info(
      { username: principal.username, deviceId: principal.deviceId, fingerprint: registered.fingerprint },
      'device signing key registered',
    );
    return { key: registered };
  });

  app.get('/v1/device-keys', async (request): Promise<DeviceKeysResponse> => {
    requirePrincipal(request);
    return { keys: await listDeviceKeys(db) };
  });
}
