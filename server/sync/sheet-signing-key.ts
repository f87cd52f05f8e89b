import { createPublicKey, verify } from 'node:crypto';
import type { Operation, WireRow } from '../../shared/sync/wire';
import type { Rejection } from './entity-validation';

/**
 * A pushed sign-off sheet must be signed by the pushing device's registered key (central migration
 * 7): its fingerprint and public key are that key, its device signature verifies over its content
 * hash with it, and the sheet JSON (what `outpost verify` reads on other desktops) carries the same
 * key, hash and signature. Refused with `unregistered_key` or `bad_signature`.
 */

const SIGNED_COLUMNS = ['public_key', 'key_fingerprint', 'device_signature', 'content_hash', 'sheet_json'] as const;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

interface SheetJsonKeyParts {
  hash?: { value?: unknown };
  signature?: { value?: unknown };
  publicKey?: { value?: unknown; fingerprint?: unknown };
}

function parsedSheet(text: unknown): SheetJsonKeyParts | null {
  if (typeof text !== 'string') return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SheetJsonKeyParts) : null;
  } catch {
    return null;
  }
}

/**
 * The refusal of a sheet operation whose signing key is not the device's registered key, or null.
 * `current` is the stored row (an update is judged on the row it would leave); `keys` the device's
 * registered keys (fingerprint → public key).
 */
export function sheetKeyDenial(op: Operation, current: WireRow | null, keys: ReadonlyMap<string, string> | undefined): Rejection | null {
  if (op.entity !== 'sign_off_sheets' || op.kind === 'delete') return null;
  if (op.kind === 'update' && !SIGNED_COLUMNS.some((c) => c in op.data)) return null;
  const row: WireRow = op.kind === 'update' ? { ...current, ...op.data } : op.data;
  const fingerprint = row.key_fingerprint;
  const registered = typeof fingerprint === 'string' ? keys?.get(fingerprint) : undefined;
  if (registered === undefined || row.public_key !== registered) {
    return {
      code: 'unregistered_key',
      reason: `sign_off_sheets ${op.rowId} is signed with key ${String(fingerprint)}, which is not the signing key this device registered: sign in again on the signing device`,
    };
  }
  const bad = (why: string): Rejection => ({ code: 'bad_signature', reason: `sign_off_sheets ${op.rowId}: ${why}` });
  const hash = row.content_hash;
  const signature = typeof row.device_signature === 'string' ? Buffer.from(row.device_signature, 'base64') : Buffer.alloc(0);
  if (typeof hash !== 'string' || !HEX_SHA256.test(hash)) return bad('content_hash is not a SHA-256 hex digest');
  const key = createPublicKey({ key: Buffer.from(registered, 'base64'), format: 'der', type: 'spki' });
  if (signature.length !== 64 || !verify(null, Buffer.from(hash, 'hex'), key, signature))
    return bad('the device signature does not verify over the content hash with the registered key');
  const sheet = parsedSheet(row.sheet_json);
  if (!sheet) return bad('sheet_json is not a signed sheet');
  if (
    sheet.publicKey?.fingerprint !== fingerprint ||
    sheet.publicKey?.value !== registered ||
    sheet.hash?.value !== hash ||
    sheet.signature?.value !== row.device_signature
  ) {
    return bad('sheet_json carries another key, hash or signature than the row');
  }
  return null;
}
