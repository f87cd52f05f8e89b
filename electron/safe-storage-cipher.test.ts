import { beforeEach, describe, expect, it, vi } from 'vitest';

// safeStorage as Electron reports it on Linux: with a keyring (gnome_libsecret, kwallet…) or
// without one (basic_text, a fixed key). The cipher flags the fallback so app.info and the UI say it.
const state = { backend: 'gnome_libsecret', available: true };
vi.mock('electron', () => ({
  safeStorage: {
    getSelectedStorageBackend: () => state.backend,
    isEncryptionAvailable: () => state.available,
    encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
    decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
  },
}));

const { safeStorageCipher } = await import('./safe-storage-cipher');

describe.runIf(process.platform === 'linux')('safeStorage cipher on Linux', () => {
  beforeEach(() => {
    state.backend = 'gnome_libsecret';
    state.available = true;
  });

  it('is not weak with a keyring', () => {
    expect(safeStorageCipher()).toMatchObject({ backend: 'gnome_libsecret', weak: false });
  });

  it('is weak on the basic_text fallback, and when encryption is unavailable', () => {
    state.backend = 'basic_text';
    expect(safeStorageCipher()).toMatchObject({ backend: 'basic_text', weak: true });
    state.backend = 'kwallet5';
    state.available = false;
    expect(safeStorageCipher().weak).toBe(true);
  });
});
