import type { FastifyInstance } from 'fastify';
import { ASSET_TAG_NUMBER_PATH, type AssetTagNumberResponse } from '../../shared/labels/tag-number-wire';
import type { CentralDb, CentralQueries } from '../db/central-db';
import { requirePrincipal } from '../http/principal';

/** The device's asset tag number: its own row, made on first ask (central migration 10). */
export async function deviceTagNumber(tx: CentralQueries, deviceId: string): Promise<number> {
  await tx.query('INSERT INTO device_tag_numbers (device_id) VALUES ($1) ON CONFLICT (device_id) DO NOTHING', [deviceId]);
  const [row] = await tx.query<{ number: number }>('SELECT number FROM device_tag_numbers WHERE device_id = $1', [deviceId]);
  return Number(row!.number);
}

/**
 * `POST /v1/devices/asset-tag-number`: the calling device's number for the asset tags it gives
 * (shared/labels/asset-tag.ts). Any signed-in device may ask; the answer never changes for it.
 */
export function registerAssetTagNumberRoute(app: FastifyInstance, db: CentralDb): void {
  app.post(ASSET_TAG_NUMBER_PATH, async (request): Promise<AssetTagNumberResponse> => {
    const principal = requirePrincipal(request);
    const number = await db.transaction((tx) => deviceTagNumber(tx, principal.deviceId));
    request.log.info({ deviceId: principal.deviceId, number }, 'asset tag number');
    return { number };
  });
}
