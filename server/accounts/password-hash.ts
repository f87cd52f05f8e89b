import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (salt and hash base64url): scrypt with
 * N = 2^17, r = 8, p = 1, the minimum of the OWASP Password Storage Cheat Sheet (128 MiB and a few
 * hundred milliseconds per hash), a random 16-byte salt and a 32-byte key. Verification reads the
 * parameters from the stored string, so hashes made with older (weaker) parameters still verify,
 * and `needsRehash` tells sign-in to replace them with today's.
 */
export const SCRYPT_PARAMETERS = { N: 2 ** 17, r: 8, p: 1 } as const;
const N = SCRYPT_PARAMETERS.N;
const R = SCRYPT_PARAMETERS.r;
const P = SCRYPT_PARAMETERS.p;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is exactly that, so raise it. */
const maxmemFor = (n: number, r: number) => 128 * n * r * 2;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes with today's parameters; `parameters` only for tests that need a hash from an older release. */
export async function hashPassword(password: string, parameters: { N: number; r: number; p: number } = SCRYPT_PARAMETERS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, KEY_BYTES, { ...parameters, maxmem: maxmemFor(parameters.N, parameters.r) });
  return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when a stored hash was made with other parameters than today's (or another key length): rehash it at the next sign-in. */
export function needsRehash(encoded: string): boolean {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return true;
  const sameParameters = parts[1] === String(N) && parts[2] === String(R) && parts[3] === String(P);
  return !sameParameters || Buffer.from(parts[5]!, 'base64url').length !== KEY_BYTES;
}

/** True when `password` matches `encoded`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map((v) => Number.parseInt(v ?? '', 10)) as [number, number, number];
  if (![n, r, p].every((v) => Number.isInteger(v) && v > 0) || n > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(password, salt, expected.length, { N: n, r, p, maxmem: maxmemFor(n, r) });
  return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | null = null;

/** Spends the same time as a real verification, for a user name that does not exist (no timing oracle). */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(password, await dummyHash);
  return false;
}

/** A strong generated password (24 characters, 144 bits), shown once by the CLI. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export const MIN_PASSWORD_LENGTH = 10;
