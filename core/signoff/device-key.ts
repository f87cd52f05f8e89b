import crypto from 'node:crypto';
import type { SecretStore } from '../secrets/secret-store';
import { newId } from '../runtime/clock';

export const SIGNING_KEY_SECRET = 'device:signing-key';
export const DEVICE_ID_SECRET = 'device:id';

export interface DeviceKey {
  deviceId: string;
  privateKey: crypto.KeyObject;
  /** SubjectPublicKeyInfo DER, base64. */
  publicKeyBase64: string;
  fingerprint: string;
}

/** "SHA256:" and the hex SHA-256 of the public key's DER bytes. */
export function publicKeyFingerprint(publicKeyDer: Buffer): string {
  return `SHA256:${crypto.createHash('sha256').update(publicKeyDer).digest('hex')}`;
}

/**
 * This device's Ed25519 key pair. The private key lives only in the device secret store (PKCS#8
 * DER, base64) and is made on first use; the public key is derived from it.
 */
export function deviceKey(secrets: SecretStore): DeviceKey {
  let stored = secrets.get(SIGNING_KEY_SECRET);
  if (stored === null) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    stored = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    secrets.set(SIGNING_KEY_SECRET, stored);
  }
  let deviceId = secrets.get(DEVICE_ID_SECRET);
  if (deviceId === null) {
    deviceId = newId();
    secrets.set(DEVICE_ID_SECRET, deviceId);
  }
  const privateKey = crypto.createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'pkcs8' });
  const publicDer = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { deviceId, privateKey, publicKeyBase64: publicDer.toString('base64'), fingerprint: publicKeyFingerprint(publicDer) };
}
