import { createHash } from 'node:crypto';
import type { BlobStatus } from '../../shared/sync/wire';
import type { CentralQueries, CentralDb } from '../db/central-db';
import { HttpError } from '../http/http-error';

/**
 * Attachments addressed by their SHA-256, uploaded in chunks into `blob_chunks`. An upload resumes
 * from `received`; when the last byte arrives the chunks are hashed in order and the blob is marked
 * complete, or discarded (422 `hash_mismatch`) when the digest differs from its address.
 */

interface BlobRow {
  sha256: string;
  size: number;
  media_type: string;
  received: number;
  complete: boolean;
  uploaded_by_device: string | null;
}

const toStatus = (row: BlobRow): BlobStatus => ({
  sha256: row.sha256,
  size: Number(row.size),
  mediaType: row.media_type,
  received: Number(row.received),
  complete: row.complete,
});

export async function blobRow(db: CentralQueries, sha256: string): Promise<BlobRow | null> {
  const [row] = await db.query<BlobRow>('SELECT sha256, size, media_type, received, complete, uploaded_by_device FROM blobs WHERE sha256 = $1', [sha256]);
  return row ?? null;
}

export async function blobStatus(db: CentralQueries, sha256: string): Promise<BlobStatus | null> {
  const row = await blobRow(db, sha256);
  return row ? toStatus(row) : null;
}

export interface ChunkInput {
  sha256: string;
  offset: number;
  size: number;
  mediaType: string;
  bytes: Buffer;
  deviceId: string;
}

const asBuffer = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));

/** Stores one chunk; returns the upload's status. Throws HttpError 409/422/400 for refusals. */
export async function putChunk(db: CentralDb, input: ChunkInput): Promise<BlobStatus> {
  const outcome = await db.transaction(async (tx) => {
    await tx.query('INSERT INTO blobs (sha256, size, media_type, uploaded_by_device) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING', [
      input.sha256,
      input.size,
      input.mediaType,
      input.deviceId,
    ]);
    const [row] = await tx.query<BlobRow>('SELECT sha256, size, media_type, received, complete, uploaded_by_device FROM blobs WHERE sha256 = $1 FOR UPDATE', [
      input.sha256,
    ]);
    let status = toStatus(row!);
    if (status.complete) return { status }; // Already here: nothing to do (a retry, or another device uploaded it).
    if (status.size !== input.size) {
      // Same address, other size: one of the two uploads is wrong (the hash decides at the end). A
      // new upload from the start replaces the unfinished one; a resumption is refused.
      if (input.offset !== 0) throw new HttpError(409, 'size_mismatch', `This upload was started with size ${status.size}, not ${input.size}: start again from offset 0.`);
      await tx.query('DELETE FROM blob_chunks WHERE sha256 = $1', [input.sha256]);
      await tx.query('UPDATE blobs SET size = $2, media_type = $3, received = 0, uploaded_by_device = $4 WHERE sha256 = $1', [
        input.sha256,
        input.size,
        input.mediaType,
        input.deviceId,
      ]);
      status = { ...status, size: input.size, mediaType: input.mediaType, received: 0 };
    }
    if (input.offset !== status.received) {
      throw new HttpError(409, 'offset_mismatch', `The server has ${status.received} bytes of this upload: continue from there.`, { status });
    }
    if (input.bytes.length === 0 && status.size > 0) throw new HttpError(400, 'validation', 'An empty chunk.');
    if (input.offset + input.bytes.length > status.size) throw new HttpError(400, 'validation', 'The chunk goes past the declared size.');
    if (input.bytes.length > 0) {
      await tx.query('INSERT INTO blob_chunks (sha256, "offset", data) VALUES ($1, $2, $3)', [input.sha256, input.offset, input.bytes]);
    }
    const received = input.offset + input.bytes.length;
    if (received < status.size) {
      await tx.query('UPDATE blobs SET received = $2 WHERE sha256 = $1', [input.sha256, received]);
      return { status: { ...status, received } };
    }
    const hash = createHash('sha256');
    const chunks = await tx.query<{ data: unknown }>('SELECT data FROM blob_chunks WHERE sha256 = $1 ORDER BY "offset"', [input.sha256]);
    for (const chunk of chunks) hash.update(asBuffer(chunk.data));
    if (hash.digest('hex') !== input.sha256) {
      await tx.query('DELETE FROM blobs WHERE sha256 = $1', [input.sha256]);
      return { mismatch: true as const };
    }
    await tx.query('UPDATE blobs SET received = $2, complete = true WHERE sha256 = $1', [input.sha256, received]);
    return { status: { ...status, received, complete: true } };
  });
  if ('mismatch' in outcome) {
    throw new HttpError(422, 'hash_mismatch', 'The uploaded bytes do not match their SHA-256: the upload was discarded; upload it again from the start.');
  }
  return outcome.status;
}

/** The bytes of a complete blob, or null. */
export async function readBlob(db: CentralQueries, sha256: string): Promise<{ mediaType: string; bytes: Buffer } | null> {
  const row = await blobRow(db, sha256);
  if (!row || !row.complete) return null;
  const chunks = await db.query<{ data: unknown }>('SELECT data FROM blob_chunks WHERE sha256 = $1 ORDER BY "offset"', [sha256]);
  return { mediaType: row.media_type, bytes: Buffer.concat(chunks.map((c) => asBuffer(c.data))) };
}

/** The partitions whose rows reference the blob. */
export async function blobPartitions(db: CentralQueries, sha256: string): Promise<string[]> {
  const rows = await db.query<{ partition: string }>('SELECT partition FROM blob_refs WHERE sha256 = $1', [sha256]);
  return rows.map((r) => r.partition);
}
