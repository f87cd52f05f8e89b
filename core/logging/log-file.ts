import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, makePrivate } from '../storage/private-files';
import { setLogSink } from './logger';

/** The desktop app's log folder (Help → Show logs opens it): a packaged app has no terminal for stderr. */
export function logDirectory(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

export const LOG_FILE_NAME = 'outpost.log';

export interface LogFileOptions {
  /** Rotate when the file would grow past this (default 5 MB). */
  maxBytes?: number;
  /** Older files kept: outpost.1.log (newest) … outpost.<keep>.log (default 3). */
  keep?: number;
}

/**
 * Also writes every log line to `<dir>/outpost.log`, synchronously (the lines before a crash are
 * the ones wanted), rotating by size. Returns a function that stops writing and closes the file.
 */
export function startLogFile(dir: string, options: LogFileOptions = {}): () => void {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  ensurePrivateDir(dir);
  const file = path.join(dir, LOG_FILE_NAME);
  makePrivate(file);
  const rotated = (n: number) => path.join(dir, `outpost.${n}.log`);
  let fd = fs.openSync(file, 'a', 0o600);
  let size = fs.fstatSync(fd).size;

  const rotate = () => {
    fs.closeSync(fd);
    fs.rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    fs.renameSync(file, rotated(1));
    fd = fs.openSync(file, 'a', 0o600);
    size = 0;
  };

  let open = true;
  setLogSink((line) => {
    if (!open) return;
    try {
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.writeSync(fd, line);
      size += bytes;
    } catch {
      // A full disk or a removed folder must not take the app down with it; stderr still has the line.
    }
  });
  return () => {
    if (!open) return;
    open = false;
    setLogSink(null);
    fs.closeSync(fd);
  };
}
