import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signerIdentity, UNREGISTERED_SIGNER, type SignerIdentity } from './registered-keys';

/**
 * The signer behind a key, read from a data directory's database without changing it (the CLI's
 * `outpost verify` runs beside a running Outpost). No database there: nothing is registered.
 */
export function lookupSigner(dataDir: string, fingerprint: string, publicKey: string): SignerIdentity {
  const file = path.join(dataDir, 'outpost.db');
  if (!fs.existsSync(file)) return { status: 'unregistered', description: UNREGISTERED_SIGNER };
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    return signerIdentity(sqlite, fingerprint, publicKey);
  } finally {
    sqlite.close();
  }
}
