import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, needsRehash, SCRYPT_PARAMETERS, verifyAgainstDummy, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('stores scrypt with its parameters and a random salt, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('treats a malformed or absurd stored hash as a mismatch', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$x$y$z$a$b',
      'scrypt$abc$8$1$c2FsdA$aGFzaA',
      'scrypt$4194304$8$1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA',
    ]) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });

  it('uses at least the OWASP minimum (N = 2^17, r = 8, p = 1) and asks to rehash a hash made with older parameters', async () => {
    expect(SCRYPT_PARAMETERS.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(SCRYPT_PARAMETERS.r).toBeGreaterThanOrEqual(8);
    const old = await hashPassword('an older password', { N: 2 ** 15, r: 8, p: 1 });
    expect(old).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('an older password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('an older password'))).toBe(false);
  });

  it('generates long random passwords', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
