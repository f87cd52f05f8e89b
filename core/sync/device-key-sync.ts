import crypto from 'node:crypto';
import type { SyncAccount } from '../../shared/contract/sync-methods';
import { keyProofMessage, type SigningKeyRegistration } from '../../shared/sync/device-key-wire';
import { createLogger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';
import { deviceKey } from '../signoff/device-key';
import { addRegisteredKey, storeRegisteredKeys } from '../signoff/registered-keys';
import { checkAborted, type SyncRun } from './sync-deps';
import { SyncError } from './sync-error';

const log = createLogger('sync.device-keys');

/** This device's signing key as the server registers it, with the proof that the device holds it. */
export function signingKeyRegistration(secrets: SecretStore, username: string): SigningKeyRegistration {
  const key = deviceKey(secrets);
  const proof = crypto.sign(null, Buffer.from(keyProofMessage(username, key.fingerprint), 'utf8'), key.privateKey).toString('base64');
  return { publicKey: key.publicKeyBase64, fingerprint: key.fingerprint, proof };
}

/**
 * At the start of every sync run: registers this device's key when the server has not yet
 * recorded it for this device (signed in before keys were registered), then stores the server's
 * list of registered keys. A server without the key routes is left alone.
 */
export async function syncDeviceKeys(run: SyncRun, account: SyncAccount): Promise<void> {
  const { sqlite, secrets, clock } = run.deps;
  try {
    const own = signingKeyRegistration(secrets, account.username);
    const known = sqlite
      .prepare('SELECT 1 FROM registered_device_keys WHERE fingerprint = ? AND device_id = ?')
      .get(own.fingerprint, account.deviceId);
    if (!known) {
      try {
        const { key } = await run.client.registerSigningKey(own);
        checkAborted(run);
        addRegisteredKey(sqlite, [key], clock.now());
        log.info('signing key registered', { fingerprint: key.fingerprint });
      } catch (error) {
        // Another user's key, or another key for this device: the sheets it signs will be refused with the reason; the rest syncs.
        if (!(error instanceof SyncError && error.status === 409)) throw error;
        log.warn('signing key not registered', { detail: error.detail });
      }
    }
    const { keys } = await run.client.deviceKeys();
    checkAborted(run);
    sqlite.transaction(() => storeRegisteredKeys(sqlite, keys, clock.now()))();
  } catch (error) {
    // An older server: no such routes (404), or an answer that is not a key (its catch-all). Push and
    // pull go on; a sheet pushed there is not checked against a key either.
    if (error instanceof SyncError && (error.status === 404 || (error.code === 'server_error' && error.status === undefined))) {
      log.warn('the server does not register device keys', { detail: error.detail });
      return;
    }
    throw error;
  }
}
