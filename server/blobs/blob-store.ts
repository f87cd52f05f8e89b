import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStatus } from '../../shared/sync/wire';
import type { CentralQueries, CentralDb } from '../db/central-db';
import { HttpError } from '../http/http-error';

/**
 * Attachments addressed by their SHA-256, uploaded in chunks into `blob_chunks`. An upload resumes
 * from `received`; when the last byte arrives the chunks are hashed in order and the blob is marked
 * complete, or discarded (422 `hash_mismatch`) when the digest differs from its address.
 *
 * The first device to upload a blob stores its bytes. Another device that uploads the same blob
 * later sends the same bytes again: they are compared with the stored ones (not stored twice) and
 * the device becomes a holder too (`blob_holders`), which is what lets it reference the blob in the
 * rows it pushes. A device sees the status of uploads it holds or may download (blob-access.ts).
 */

export interface BlobRow {
  sha256: string;
  size: number;
  media_type: string;
  received: number;
  complete: boolean;
  uploaded_by_device: string | null;
}

interface HolderRow {
  proven: number;
  complete: boolean;
}

const BLOB_COLUMNS = 'sha256, size, media_type, received, complete, uploaded_by_device::text AS uploaded_by_device';

const toStatus = (row: BlobRow): BlobStatus => ({
  sha256: row.sha256,
  size: Number(row.size),
  mediaType: row.media_type,
  received: Number(row.received),
  complete: row.complete,
});

export async function blobRow(db: CentralQueries, sha256: string): Promise<BlobRow | null> {
  const [row] = await db.query<BlobRow>(`SELECT ${BLOB_COLUMNS} FROM blobs WHERE sha256 = $1`, [sha256]);
  return row ?? null;
}

async function holderRow(db: CentralQueries, sha256: string, deviceId: string): Promise<HolderRow | null> {
  const [row] = await db.query<HolderRow>('SELECT proven, complete FROM blob_holders WHERE sha256 = $1 AND device_id = $2', [
    sha256,
    deviceId,
  ]);
  return row ? { proven: Number(row.proven), complete: row.complete } : null;
}

/**
 * The upload status as this device sees it: the blob's own progress when it is the first uploader,
 * its proof's progress when it is sending bytes the server has, null when it has not started.
 */
export async function deviceBlobStatus(db: CentralQueries, sha256: string, deviceId: string): Promise<BlobStatus | null> {
  const row = await blobRow(db, sha256);
  if (!row) return null;
  const holder = await holderRow(db, sha256, deviceId);
  if (!holder) return null;
  if (!row.complete) return toStatus(row);
  return { ...toStatus(row), received: holder.complete ? Number(row.size) : holder.proven, complete: holder.complete };
}

export interface ChunkInput {
  sha256: string;
  offset: number;
  size: number;
  mediaType: string;
  bytes: Buffer;
  deviceId: string;
  /** Bytes this device may have in uploads it started (complete or not, not yet purged). */
  quotaBytes: number;
}

const asBuffer = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));
const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < MB ? 3 : 1)} MB`;

async function checkQuota(tx: CentralQueries, input: ChunkInput): Promise<void> {
  const [used] = await tx.query<{ bytes: string | number | null }>(
    'SELECT coalesce(sum(size), 0) AS bytes FROM blobs WHERE uploaded_by_device = $1 AND sha256 <> $2',
    [input.deviceId, input.sha256],
  );
  const bytes = Number(used?.bytes ?? 0);
  if (bytes + input.size > input.quotaBytes) {
    throw new HttpError(
      413,
      'quota_exceeded',
      `This device already has ${mb(bytes)} of attachments on the server and may have ${mb(input.quotaBytes)}: this ${mb(input.size)} attachment does not fit. ` +
        'Attachments no synced row uses are purged after the grace period; an administrator can raise the quota (OUTPOST_BLOB_QUOTA_MB).',
      { usedBytes: bytes, quotaBytes: input.quotaBytes },
    );
  }
}

/** Stores one chunk; returns the upload's status. Throws HttpError 409/413/422/400 for refusals. */
export async function putChunk(db: CentralDb, input: ChunkInput): Promise<BlobStatus> {
  const outcome = await db.transaction(async (tx) => {
    const [existing] = await tx.query<BlobRow>(`SELECT ${BLOB_COLUMNS} FROM blobs WHERE sha256 = $1 FOR UPDATE`, [input.sha256]);
    if (existing?.complete) return { status: await proveChunk(tx, existing, input) };
    if (existing && existing.uploaded_by_device !== input.deviceId) {
      throw new HttpError(409, 'upload_in_progress', 'Another device is uploading this attachment: try again later.');
    }
    if (!existing) {
      await checkQuota(tx, input);
      await tx.query('INSERT INTO blobs (sha256, size, media_type, uploaded_by_device) VALUES ($1, $2, $3, $4)', [
        input.sha256,
        input.size,
        input.mediaType,
        input.deviceId,
      ]);
      await tx.query('INSERT INTO blob_holders (sha256, device_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [input.sha256, input.deviceId]);
    }
    const [row] = await tx.query<BlobRow>(`SELECT ${BLOB_COLUMNS} FROM blobs WHERE sha256 = $1`, [input.sha256]);
    let status = toStatus(row!);
    if (status.size !== input.size) {
      // Same address, other size: one of the two uploads is wrong (the hash decides at the end). A
      // new upload from the start replaces the unfinished one; a resumption is refused.
      if (input.offset !== 0)
        throw new HttpError(
          409,
          'size_mismatch',
          `This upload was started with size ${status.size}, not ${input.size}: start again from offset 0.`,
        );
      await checkQuota(tx, input);
      await tx.query('DELETE FROM blob_chunks WHERE sha256 = $1', [input.sha256]);
      await tx.query('UPDATE blobs SET size = $2, media_type = $3, received = 0 WHERE sha256 = $1', [
        input.sha256,
        input.size,
        input.mediaType,
      ]);
      status = { ...status, size: input.size, mediaType: input.mediaType, received: 0 };
    }
    if (input.offset !== status.received) {
      throw new HttpError(409, 'offset_mismatch', `The server has ${status.received} bytes of this upload: continue from there.`, {
        status,
      });
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
    await tx.query('UPDATE blob_holders SET proven = $3, complete = true WHERE sha256 = $1 AND device_id = $2', [
      input.sha256,
      input.deviceId,
      received,
    ]);
    return { status: { ...status, received, complete: true } };
  });
  if ('mismatch' in outcome) {
    throw new HttpError(
      422,
      'hash_mismatch',
      'The uploaded bytes do not match their SHA-256: the upload was discarded; upload it again from the start.',
    );
  }
  return outcome.status;
}

/** The stored bytes of [offset, offset + length) of a complete blob. */
async function storedRange(tx: CentralQueries, sha256: string, offset: number, length: number): Promise<Buffer> {
  const chunks = await tx.query<{ offset: string | number; data: unknown }>(
    `SELECT "offset", data FROM blob_chunks WHERE sha256 = $1 AND "offset" < $3
        AND "offset" >= coalesce((SELECT max("offset") FROM blob_chunks WHERE sha256 = $1 AND "offset" <= $2), 0)
      ORDER BY "offset"`,
    [sha256, offset, offset + length],
  );
  if (chunks.length === 0) return Buffer.alloc(0);
  const start = Number(chunks[0]!.offset);
  return Buffer.concat(chunks.map((c) => asBuffer(c.data))).subarray(offset - start, offset - start + length);
}

/** A device that does not hold a complete blob sends its bytes again: compared, not stored. */
async function proveChunk(tx: CentralQueries, row: BlobRow, input: ChunkInput): Promise<BlobStatus> {
  const size = Number(row.size);
  let holder = await holderRow(tx, input.sha256, input.deviceId);
  if (holder?.complete) return toStatus(row);
  if (input.size !== size)
    throw new HttpError(422, 'hash_mismatch', 'The uploaded bytes do not match their SHA-256: check the file and upload it again.');
  if (!holder) {
    await tx.query('INSERT INTO blob_holders (sha256, device_id) VALUES ($1, $2)', [input.sha256, input.deviceId]);
    holder = { proven: 0, complete: false };
  }
  const status = (proven: number, complete: boolean): BlobStatus => ({ ...toStatus(row), received: proven, complete });
  if (input.offset !== holder.proven) {
    throw new HttpError(409, 'offset_mismatch', `The server has ${holder.proven} bytes of this upload: continue from there.`, {
      status: status(holder.proven, false),
    });
  }
  if (input.bytes.length === 0 && size > 0) throw new HttpError(400, 'validation', 'An empty chunk.');
  if (input.offset + input.bytes.length > size) throw new HttpError(400, 'validation', 'The chunk goes past the declared size.');
  const stored = await storedRange(tx, input.sha256, input.offset, input.bytes.length);
  if (!stored.equals(input.bytes)) {
    await tx.query('DELETE FROM blob_holders WHERE sha256 = $1 AND device_id = $2', [input.sha256, input.deviceId]);
    throw new HttpError(
      422,
      'hash_mismatch',
      'The uploaded bytes do not match their SHA-256: the upload was discarded; upload it again from the start.',
    );
  }
  const proven = input.offset + input.bytes.length;
  const complete = proven === size;
  await tx.query('UPDATE blob_holders SET proven = $3, complete = $4 WHERE sha256 = $1 AND device_id = $2', [
    input.sha256,
    input.deviceId,
    proven,
    complete,
  ]);
  return status(proven, complete);
}

/** The bytes of a complete blob, chunk by chunk (one row in memory at a time). */
export function blobStream(db: CentralQueries, sha256: string): Readable {
  let next = 0;
  return new Readable({
    read() {
      db.query<{ offset: string | number; data: unknown }>(
        'SELECT "offset", data FROM blob_chunks WHERE sha256 = $1 AND "offset" >= $2 ORDER BY "offset" LIMIT 1',
        [sha256, next],
      ).then(
        ([chunk]) => {
          if (!chunk) {
            this.push(null);
            return;
          }
          const bytes = asBuffer(chunk.data);
          next = Number(chunk.offset) + Math.max(1, bytes.length);
          this.push(bytes);
        },
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}
