import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/wire';
import { createLogger } from '../logging/logger';
import { attachmentDir } from '../services/attachment-service';
import { pendingBlobs } from './outbox-store';
import { checkAborted, type SyncRun } from './sync-deps';
import { SyncError } from './sync-error';
import { NOW_SQL } from './sql-names';

const log = createLogger('sync.blobs');

/**
 * Uploads every attachment a pending operation references before the operations themselves, in
 * chunks, resuming from what the server already `received`. A file missing or altered locally is
 * skipped (the server then refuses the operation that needs it, which lands in conflicts).
 */
export async function uploadPendingBlobs(run: SyncRun): Promise<number> {
  const { sqlite, dataDir } = run.deps;
  const shas = pendingBlobs(sqlite);
  let done = 0;
  if (shas.length > 0) run.progress({ phase: 'attachments_up', done, total: shas.length });
  for (const sha256 of shas) {
    const file = path.join(attachmentDir(dataDir), sha256);
    const bytes = fs.existsSync(file) ? fs.readFileSync(file) : null;
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) {
      log.warn('attachment not uploaded: missing or altered locally', { sha256 });
      continue;
    }
    const row = sqlite.prepare('SELECT media_type AS mediaType FROM attachments WHERE sha256 = ?').get(sha256) as { mediaType: string } | undefined;
    await uploadBlob(run, sha256, bytes, row?.mediaType ?? 'application/octet-stream');
    checkAborted(run);
    sqlite.prepare(`INSERT INTO sync_blob_uploads (sha256, uploaded_at) VALUES (?, ${NOW_SQL}) ON CONFLICT(sha256) DO NOTHING`).run(sha256);
    run.progress({ phase: 'attachments_up', done: ++done, total: shas.length });
  }
  return done;
}

async function uploadBlob(run: SyncRun, sha256: string, bytes: Buffer, mediaType: string): Promise<void> {
  let status = await run.client.blobStatus(sha256);
  let stalled = 0;
  while (!status?.complete) {
    const offset = status?.received ?? 0;
    const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + BLOB_CHUNK_BYTES));
    const next = await run.client.putBlobChunk(sha256, offset, bytes.length, mediaType, chunk);
    stalled = next.received > offset || next.complete ? 0 : stalled + 1;
    if (stalled >= 3) throw new SyncError('server_error', 'The server does not accept the attachment upload', `blob ${sha256} stuck at ${offset} bytes`);
    status = next;
  }
}
