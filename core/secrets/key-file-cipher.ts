import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecretCipher } from './secret-cipher';

/**
 * The folder holding key files: never the data directory, so a copied data folder (or a backup)
 * does not carry the key to its own secrets.
 */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OUTPOST_SECRET_KEY_DIR ?? path.join(os.homedir(), '.outpost-keys');
}

function loadOrCreateKey(keyFile: string): Buffer {
  if (fs.existsSync(keyFile)) {
    const key = Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`The secret key file ${keyFile} is damaged`);
    return key;
  }
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  fs.writeFileSync(keyFile, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}

/** AES-256-GCM with a random key kept in a separate key folder, one key per data directory. */
export function keyFileCipher(dataDir: string, keyDir = defaultKeyDir()): SecretCipher {
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 24);
  const key = loadOrCreateKey(path.join(keyDir, `${id}.key`));
  return {
    backend: 'key file',
    weak: false,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(cipherText) {
      const raw = Buffer.from(cipherText, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
