import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that a crash leaves either the old file or the whole new one: a temporary file
 * beside it, flushed to disk, then renamed over the target.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array | string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}
