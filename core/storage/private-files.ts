import fs from 'node:fs';

/**
 * The data directory holds SSH secrets, the device signing key, tokens and customer data: only its
 * owner may read it. Directories are 0700 and files 0600 (on Windows the modes mean little; the
 * profile folder's ACL protects it there).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) as 0700, and narrows an existing one to 0700. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32' && (fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Narrows an existing file to 0600 (a file another program created, or one from an older version). */
export function makePrivate(file: string): void {
  if (process.platform === 'win32' || !fs.existsSync(file)) return;
  if ((fs.statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Creates an empty file as 0600 unless it exists, so what opens it later (SQLite) keeps that mode. */
export function touchPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  makePrivate(file);
}
