import { z } from 'zod';

/**
 * Device signing keys on the wire (docs/sync-protocol.md, "Device keys"). Each device registers the
 * public half of its Ed25519 sign-off key with the server, with proof that it holds the private
 * half; desktops pull the registered keys so `outpost verify` and site report import can name the
 * user and device behind a signature.
 */

/** "SHA256:" and 64 hex digits: the SHA-256 of the key's SubjectPublicKeyInfo DER. */
export const keyFingerprintSchema = z.string().regex(/^SHA256:[0-9a-f]{64}$/, 'Not a key fingerprint (SHA256:<64 hex>)');

export const signingKeySchema = z
  .object({
    /** SubjectPublicKeyInfo DER, base64 (an Ed25519 key is 44 bytes). */
    publicKey: z.string().min(1).max(200),
    fingerprint: keyFingerprintSchema,
    /** Ed25519 signature (base64) of `keyProofMessage(username, fingerprint)`: the device holds the private key. */
    proof: z.string().min(1).max(200),
  })
  .strict();
export type SigningKeyRegistration = z.infer<typeof signingKeySchema>;

/** What a device signs to prove it holds its key; names the account so a proof is not reusable for another one. */
export function keyProofMessage(username: string, fingerprint: string): string {
  return `outpost device signing key v1\nuser: ${username.trim().toLowerCase()}\nkey: ${fingerprint}`;
}

export const registeredKeySchema = z.object({
  fingerprint: keyFingerprintSchema,
  publicKey: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  registeredAt: z.string(),
  /** When the device was signed out or revoked (its earlier signatures stay attributable). */
  deviceRevokedAt: z.string().nullable(),
});
export type RegisteredKey = z.infer<typeof registeredKeySchema>;

export const registerKeyResponseSchema = z.object({ key: registeredKeySchema });
export const deviceKeysResponseSchema = z.object({ keys: z.array(registeredKeySchema).max(100_000) });
export type DeviceKeysResponse = z.infer<typeof deviceKeysResponseSchema>;
