import { createHash } from 'node:crypto';
import fs from 'node:fs';

export interface FileDigest {
  size: number;
  /** hex, the blob's address */
  sha256: string;
  /** base64, what electron-updater compares the downloaded file with */
  sha512: string;
}

/** Both digests and the size of a file, read once as a stream (installers are hundreds of MB). */
export async function digestFile(filePath: string): Promise<FileDigest> {
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  let size = 0;
  for await (const chunk of fs.createReadStream(filePath)) {
    const bytes = chunk as Buffer;
    sha256.update(bytes);
    sha512.update(bytes);
    size += bytes.length;
  }
  return { size, sha256: sha256.digest('hex'), sha512: sha512.digest('base64') };
}
