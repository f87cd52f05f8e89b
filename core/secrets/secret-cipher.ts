/** Encrypts secrets at rest. Electron uses safeStorage; the browser shell and tests use a key file. */
export interface SecretCipher {
  /** A name for the backend, shown to the user (e.g. "gnome_libsecret", "key file"). */
  readonly backend: string;
  /** True when the backend is weak (e.g. Electron's basic_text on Linux without a keyring). */
  readonly weak: boolean;
  encrypt(plain: string): string;
  decrypt(cipherText: string): string;
}
