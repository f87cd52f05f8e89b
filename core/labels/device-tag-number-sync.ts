import type { SyncAccount } from '../../shared/contract/sync-methods';
import { createLogger } from '../logging/logger';
import { checkAborted, type SyncRun } from '../sync/sync-deps';
import { SyncError } from '../sync/sync-error';
import { recordDeviceTagNumber } from './asset-tag-issuer';

const log = createLogger('labels.tag-number');

/**
 * In every sync run until this device has it: asks the server for the device's asset tag number and
 * records it (migration 26), so tags can later be given offline. A server without the route (older)
 * is left alone: tagging on its deployments says why it waits.
 */
export async function syncDeviceTagNumber(run: SyncRun, account: SyncAccount): Promise<void> {
  const { sqlite, clock } = run.deps;
  if (sqlite.prepare('SELECT 1 FROM asset_tag_issuers WHERE server_device_id = ?').get(account.deviceId)) return;
  try {
    const { number } = await run.client.assetTagNumber();
    checkAborted(run);
    recordDeviceTagNumber(sqlite, account.deviceId, number, clock.now());
    log.info('asset tag number recorded', { number });
  } catch (error) {
    if (error instanceof SyncError && (error.status === 404 || (error.code === 'server_error' && error.status === undefined))) {
      log.warn('the server does not number devices for asset tags', { detail: error.detail });
      return;
    }
    throw error;
  }
}
