import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ensurePrivateDir, makePrivate, touchPrivateFile } from '../storage/private-files';

export const DEFAULT_KEPT_BACKUPS = 5;
const BACKUP_PATTERN = /^outpost-.*\.db$/;

/** Copies the open database into the backup folder (a consistent snapshot, WAL included). */
export function writeBackup(sqlite: Database.Database, backupDir: string, reason: string): string {
  ensurePrivateDir(backupDir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(backupDir, `outpost-${stamp}-${reason}.db`);
  touchPrivateFile(file); // VACUUM INTO fills an empty file and keeps its mode
  sqlite.prepare('VACUUM INTO ?').run(file);
  makePrivate(file);
  return file;
}

/** Backups, newest first. */
export function listBackups(backupDir: string): string[] {
  if (!fs.existsSync(backupDir)) return [];
  return fs
    .readdirSync(backupDir)
    .filter((name) => BACKUP_PATTERN.test(name))
    .map((name) => path.join(backupDir, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs || b.localeCompare(a));
}

/** Keeps the newest `keep` backups and deletes the rest. */
export function pruneBackups(backupDir: string, keep = DEFAULT_KEPT_BACKUPS): void {
  for (const old of listBackups(backupDir).slice(keep)) fs.rmSync(old, { force: true });
}

/** True when the newest backup is older than `maxAgeMs` (or there is none). */
export function backupIsDue(backupDir: string, maxAgeMs: number): boolean {
  const newest = listBackups(backupDir)[0];
  return !newest || Date.now() - fs.statSync(newest).mtimeMs > maxAgeMs;
}
