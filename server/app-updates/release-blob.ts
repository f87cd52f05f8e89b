import fs from 'node:fs';
import { Readable } from 'node:stream';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/wire';
import type { CentralQueries } from '../db/central-db';

/**
 * Release files live in the attachment store (`blobs`, `blob_chunks`, addressed by SHA-256) with
 * no uploading device: no device quota counts them and `/v1/blobs` serves them to nobody (no
 * synced row references them). The purge keeps every blob `app_release_files` names.
 */

const asBuffer = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));

/** Stores the file as a complete blob unless it already is one (same bytes, same address). */
export async function storeReleaseBlob(
  tx: CentralQueries,
  filePath: string,
  digest: { sha256: string; size: number },
): Promise<'stored' | 'present'> {
  const [existing] = await tx.query<{ complete: boolean }>('SELECT complete FROM blobs WHERE sha256 = $1 FOR UPDATE', [digest.sha256]);
  if (existing?.complete) {
    await tx.query('UPDATE blobs SET unreferenced_since = NULL WHERE sha256 = $1', [digest.sha256]);
    return 'present';
  }
  // An attachment upload of the very same bytes left unfinished: the file replaces it.
  if (existing) await tx.query('DELETE FROM blob_chunks WHERE sha256 = $1', [digest.sha256]);
  else
    await tx.query("INSERT INTO blobs (sha256, size, media_type) VALUES ($1, $2, 'application/octet-stream')", [
      digest.sha256,
      digest.size,
    ]);
  let offset = 0;
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: BLOB_CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    await tx.query('INSERT INTO blob_chunks (sha256, "offset", data) VALUES ($1, $2, $3)', [digest.sha256, offset, bytes]);
    offset += bytes.length;
  }
  if (offset !== digest.size) throw new Error(`${filePath} changed while it was stored (${offset} bytes, ${digest.size} expected)`);
  await tx.query('UPDATE blobs SET size = $2, received = $2, complete = true, unreferenced_since = NULL WHERE sha256 = $1', [
    digest.sha256,
    digest.size,
  ]);
  return 'stored';
}

/**
 * Bytes [start, end] (inclusive) of a complete blob, one stored chunk in memory at a time. Chunks
 * are contiguous, so the one holding a position is the last that starts at or before it.
 */
export function blobRangeStream(db: CentralQueries, sha256: string, start: number, end: number): Readable {
  let next = start;
  return new Readable({
    read() {
      if (next > end) {
        this.push(null);
        return;
      }
      db.query<{ offset: string | number; data: unknown }>(
        'SELECT "offset", data FROM blob_chunks WHERE sha256 = $1 AND "offset" <= $2 ORDER BY "offset" DESC LIMIT 1',
        [sha256, next],
      ).then(
        ([chunk]) => {
          const bytes = chunk ? asBuffer(chunk.data) : Buffer.alloc(0);
          const chunkStart = chunk ? Number(chunk.offset) : 0;
          const from = next - chunkStart;
          const to = Math.min(bytes.length, end + 1 - chunkStart);
          if (!chunk || from >= to) {
            this.destroy(new Error(`blob ${sha256} has no bytes at ${next}`));
            return;
          }
          next = chunkStart + to;
          this.push(bytes.subarray(from, to));
        },
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}
