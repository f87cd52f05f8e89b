import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BLOB_MAX_BYTES, sha256Schema } from '../../shared/sync/wire';
import type { CentralDb } from '../db/central-db';
import { HttpError } from '../http/http-error';
import { requirePrincipal } from '../http/principal';
import { mayDownloadBlob } from './blob-access';
import { servedMediaType, type BlobSettings } from './blob-policy';
import { startBlobPurgeTimer } from './blob-purge';
import { blobRow, blobStream, deviceBlobStatus, putChunk } from './blob-store';

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

const NOT_FOUND = 'No such attachment, or not one you may read.';

/** Attachment upload (chunked, resumable, verified, within the device's quota) and download. */
export function registerBlobRoutes(app: FastifyInstance, db: CentralDb, settings: BlobSettings): void {
  app.get('/v1/blobs/:sha256/status', async (request) => {
    const principal = requirePrincipal(request);
    const { sha256 } = paramsSchema.parse(request.params as unknown);
    // This device's own upload (or proof of holding): a device that may download a blob but never
    // sent its bytes uploads them before it references the blob, so it is told nothing here either.
    const own = await deviceBlobStatus(db, sha256, principal.deviceId);
    if (own) return own;
    throw new HttpError(404, 'not_found', 'No upload of this attachment was started from this device.');
  });

  app.put('/v1/blobs/:sha256', async (request) => {
    const principal = requirePrincipal(request);
    const { sha256 } = paramsSchema.parse(request.params as unknown);
    const query = putQuerySchema.parse(request.query as unknown);
    const body = request.body as unknown;
    if (!Buffer.isBuffer(body)) throw new HttpError(415, 'unsupported_media_type', 'Send the chunk as application/octet-stream.');
    return putChunk(db, { sha256, ...query, bytes: body, deviceId: principal.deviceId, quotaBytes: settings.quotaBytes });
  });

  app.get('/v1/blobs/:sha256', async (request, reply) => {
    const principal = requirePrincipal(request);
    const { sha256 } = paramsSchema.parse(request.params as unknown);
    const row = await blobRow(db, sha256);
    // Unknown, incomplete and forbidden look the same: a caller learns nothing about blobs it may not read.
    if (!row || !row.complete || !(await mayDownloadBlob(db, principal, sha256))) throw new HttpError(404, 'not_found', NOT_FOUND);
    return reply
      .header('content-type', servedMediaType(row.media_type))
      .header('content-length', String(row.size))
      .header('content-disposition', `attachment; filename="${sha256}"`)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(blobStream(db, sha256));
  });

  startBlobPurgeTimer(app, db, settings);
}
