import fs from 'node:fs';
import path from 'node:path';

/**
 * One process per PGlite data directory: PGlite has no shared-memory locking, so a second process
 * opening the same directory would corrupt it. The lock is a file beside the directory holding the
 * owner's pid; a lock left by a process that no longer exists is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The server data directory ${dataDir} is in use by process ${pid} (the server is running). ` +
        'Stop it first, or point both at a PostgreSQL database with DATABASE_URL.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export function lockPathOf(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.lock`);
}

/** Locks already held by this process (a second open in the same process is refused too). */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = lockPathOf(dataDir);
  if (heldHere.has(lockPath)) throw new DataDirInUseError(path.resolve(dataDir), process.pid);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      heldHere.add(lockPath);
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(lockPath);
          try {
            if (Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10) === process.pid) fs.rmSync(lockPath, { force: true });
          } catch {
            // Already gone.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      } catch {
        continue; // Removed between our open and read: try again.
      }
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner) && owner !== process.pid)
        throw new DataDirInUseError(path.resolve(dataDir), owner);
      // Stale: its process is gone (or it is our own pid from an earlier run that crashed and reused the pid).
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the server data directory ${path.resolve(dataDir)} (${lockPath}).`);
}
