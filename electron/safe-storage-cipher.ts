import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/secrets/secret-cipher';

/**
 * Secrets sealed by the OS keychain through Electron's safeStorage. On Linux without a keyring
 * Electron falls back to a fixed key ("basic_text"): still used, but flagged weak so the UI can warn.
 */
export function safeStorageCipher(): SecretCipher {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os keychain';
  return {
    backend,
    weak: backend === 'basic_text' || !safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
