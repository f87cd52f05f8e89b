import crypto from 'node:crypto';
import { signedSheetSchema, type SignedSheet } from '../../shared/domain/signoff';
import { canonicalJson, CanonicalJsonError } from '../../shared/signoff/canonical-json';
import { isValidTimeZone } from '../../shared/time/time-zone';
import { publicKeyFingerprint } from './device-key';
import { sha256Hex } from './sheet-crypto';

export type SheetVerdict = { valid: true; sheet: SignedSheet } | { valid: false; reason: string; sheet: SignedSheet | null };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks a sheet on its own, without a database: the shape, the canonical SHA-256 of the content,
 * the signature image's hash, the time format and zone, the key fingerprint, and the Ed25519
 * signature over the hash with the carried public key.
 */
export function verifySheet(input: unknown): SheetVerdict {
  const parsed = signedSheetSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      valid: false,
      reason: `not a sign-off sheet (${first ? `${first.path.join('.') || 'sheet'}: ${first.message}` : 'unknown shape'})`,
      sheet: null,
    };
  }
  const sheet = parsed.data;
  const fail = (reason: string): SheetVerdict => ({ valid: false, reason, sheet });
  let canonical: string;
  try {
    canonical = canonicalJson(sheet.content);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return fail(`content cannot be canonicalized: ${error.message}`);
    throw error;
  }
  if (sha256Hex(canonical) !== sheet.hash.value.toLowerCase()) return fail('content hash mismatch: the signed content was changed');
  const image = sheet.content.signatureImage;
  if (!BASE64.test(image.base64) || sha256Hex(Buffer.from(image.base64, 'base64')) !== image.sha256)
    return fail('signature image does not match its hash');
  const signedAt = Date.parse(sheet.content.signedAt);
  if (Number.isNaN(signedAt) || new Date(signedAt).toISOString() !== sheet.content.signedAt)
    return fail('signed time is not UTC ISO 8601 with milliseconds');
  if (!isValidTimeZone(sheet.content.signerTimeZone)) return fail(`unknown time zone "${sheet.content.signerTimeZone}"`);
  let publicKey: crypto.KeyObject;
  const der = Buffer.from(sheet.publicKey.value, 'base64');
  try {
    publicKey = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    return fail('public key is not readable');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') return fail('public key is not Ed25519');
  if (publicKeyFingerprint(der) !== sheet.publicKey.fingerprint) return fail('public key fingerprint mismatch');
  const signature = Buffer.from(sheet.signature.value, 'base64');
  if (!BASE64.test(sheet.signature.value) || signature.length !== 64) return fail('device signature is malformed');
  if (!crypto.verify(null, Buffer.from(sheet.hash.value, 'hex'), publicKey, signature))
    return fail('device signature does not match the hash');
  return { valid: true, sheet };
}
