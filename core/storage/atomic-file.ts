import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files';

/**
 * Writes a file so that a crash leaves either the old file or the whole new one: a temporary file
 * beside it, flushed to disk, then renamed over the target. Private (0600, new folders 0700) unless told.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array | string, mode = PRIVATE_FILE_MODE): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
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
