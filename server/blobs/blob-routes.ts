import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BLOB_MAX_BYTES, sha256Schema } from '../../shared/sync/wire';
import type { CentralDb } from '../db/central-db';
import { HttpError } from '../http/http-error';
import { requirePrincipal, type Principal } from '../http/principal';
import { blobPartitions, blobRow, blobStatus, putChunk, readBlob } from './blob-store';
import { canReadBlobPartition } from './blob-access';

const paramsSchema = z.object({ sha256: sha256Schema }).strict();
const putQuerySchema = z
  .object({
    offset: z.coerce.number().int().nonnegative(),
    size: z.coerce.number().int().nonnegative().max(BLOB_MAX_BYTES),
    mediaType: z
      .string()
      .max(200)
      .regex(/^[\w.+-]+\/[\w.+-]+$/, 'Not a media type'),
  })
  .strict();

async function mayRead(db: CentralDb, principal: Principal, sha256: string, uploadedBy: string | null): Promise<boolean> {
  if (uploadedBy === principal.deviceId) return true;
  for (const partition of await blobPartitions(db, sha256)) {
    if (await canReadBlobPartition(db, principal, partition)) return true;
  }
  return false;
}

/** Attachment upload (chunked, resumable, verified) and download. */
export function registerBlobRoutes(app: FastifyInstance, db: CentralDb): void {
  app.get('/v1/blobs/:sha256/status', async (request) => {
    requirePrincipal(request);
    const { sha256 } = paramsSchema.parse(request.params as unknown);
    const status = await blobStatus(db, sha256);
    if (!status) throw new HttpError(404, 'not_found', 'No upload of this attachment was started.');
    return status;
  });

  app.put('/v1/blobs/:sha256', async (request) => {
    const principal = requirePrincipal(request);
    const { sha256 } = paramsSchema.parse(request.params as unknown);
    const query = putQuerySchema.parse(request.query as unknown);
    const body = request.body as unknown;
    if (!Buffer.isBuffer(body)) throw new HttpError(415, 'unsupported_media_type', 'Send the chunk as application/octet-stream.');
    return putChunk(db, { sha256, ...query, bytes: body, deviceId: principal.deviceId });
  });

  app.get('/v1/blobs/:sha256', async (request, reply) => {
    const principal = requirePrincipal(request);
    const { sha256 } = paramsSchema.parse(request.params as unknown);
    const row = await blobRow(db, sha256);
    // Unknown, incomplete and forbidden look the same: a caller learns nothing about blobs it may not read.
    if (!row || !row.complete || !(await mayRead(db, principal, sha256, row.uploaded_by_device))) {
      throw new HttpError(404, 'not_found', 'No such attachment, or not one you may read.');
    }
    const blob = await readBlob(db, sha256);
    if (!blob) throw new HttpError(404, 'not_found', 'No such attachment, or not one you may read.');
    return reply
      .header('content-type', blob.mediaType)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(blob.bytes);
  });
}
