import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../storage/atomic-file';
import type { SecretCipher } from './secret-cipher';

/**
 * Device secrets (SSH passwords and passphrases, the device signing key, tokens): kept only on
 * this device, encrypted at rest, never synced, never logged, never sent to the renderer.
 */
export interface SecretStore {
  readonly backend: string;
  readonly weak: boolean;
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  has(key: string): boolean;
}

export const SECRETS_FILE_NAME = 'secrets.json';

/** A JSON map of key → ciphertext in the data directory, written atomically. */
export function fileSecretStore(dataDir: string, cipher: SecretCipher): SecretStore {
  const file = path.join(dataDir, SECRETS_FILE_NAME);
  const read = (): Record<string, string> =>
    fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const write = (entries: Record<string, string>) => writeFileAtomically(file, JSON.stringify(entries, null, 1), 0o600);
  return {
    backend: cipher.backend,
    weak: cipher.weak,
    get(key) {
      const sealed = read()[key];
      return sealed === undefined ? null : cipher.decrypt(sealed);
    },
    set(key, value) {
      write({ ...read(), [key]: cipher.encrypt(value) });
    },
    delete(key) {
      const entries = read();
      if (!(key in entries)) return;
      delete entries[key];
      write(entries);
    },
    has(key) {
      return key in read();
    },
  };
}
