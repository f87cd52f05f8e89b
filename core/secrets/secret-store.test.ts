import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/support/temp-core';
import { keyFileCipher } from './key-file-cipher';
import { fileSecretStore, SECRETS_FILE_NAME } from './secret-store';

describe('secret store (key-file backend)', () => {
  it('keeps secrets encrypted at rest, with the key outside the data directory', () => {
    const dataDir = tempDataDir('secrets-data');
    const keyDir = tempDataDir('secrets-keys');
    const store = fileSecretStore(dataDir, keyFileCipher(dataDir, keyDir));
    store.set('ssh:target-1:password', 'correct horse battery staple');
    expect(store.get('ssh:target-1:password')).toBe('correct horse battery staple');
    const onDisk = fs.readFileSync(path.join(dataDir, SECRETS_FILE_NAME), 'utf8');
    expect(onDisk).not.toContain('correct horse');
    expect(fs.readdirSync(dataDir).some((f) => f.endsWith('.key'))).toBe(false);
    expect(fs.readdirSync(keyDir)).toHaveLength(1);
    expect(fs.statSync(path.join(keyDir, fs.readdirSync(keyDir)[0]!)).mode & 0o077).toBe(0);

    const reopened = fileSecretStore(dataDir, keyFileCipher(dataDir, keyDir));
    expect(reopened.get('ssh:target-1:password')).toBe('correct horse battery staple');
    reopened.delete('ssh:target-1:password');
    expect(reopened.has('ssh:target-1:password')).toBe(false);
  });

  it('cannot read the secrets with another key', () => {
    const dataDir = tempDataDir('secrets-data');
    fileSecretStore(dataDir, keyFileCipher(dataDir, tempDataDir('k1'))).set('a', 'secret');
    const other = fileSecretStore(dataDir, keyFileCipher(dataDir, tempDataDir('k2')));
    expect(() => other.get('a')).toThrow();
  });
});
