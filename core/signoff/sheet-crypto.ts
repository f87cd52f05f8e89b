import crypto from 'node:crypto';
import type { SheetContent, SignedSheet } from '../../shared/domain/signoff';
import { canonicalJson } from '../../shared/signoff/canonical-json';
import type { DeviceKey } from './device-key';

export const sha256Hex = (data: string | Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

/** SHA-256 of a value's canonical JSON, hex. */
export const canonicalHash = (value: unknown) => sha256Hex(canonicalJson(value));

/** Hashes the content canonically and signs the 32 hash bytes with the device key. */
export function signContent(content: SheetContent, key: DeviceKey): SignedSheet {
  const hash = canonicalHash(content);
  const signature = crypto.sign(null, Buffer.from(hash, 'hex'), key.privateKey).toString('base64');
  return {
    content,
    hash: { algorithm: 'sha256', value: hash },
    signature: { algorithm: 'ed25519', value: signature },
    publicKey: { format: 'spki-der-base64', value: key.publicKeyBase64, fingerprint: key.fingerprint },
  };
}
