import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
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
    const local = localBlob(sqlite, dataDir, sha256);
    if (!local) {
      log.warn('attachment not uploaded: missing or altered locally', { sha256 });
      continue;
    }
    await uploadBlob(run, sha256, local.bytes, local.mediaType);
    checkAborted(run);
    sqlite.prepare(`INSERT INTO sync_blob_uploads (sha256, uploaded_at) VALUES (?, ${NOW_SQL}) ON CONFLICT(sha256) DO NOTHING`).run(sha256);
    run.progress({ phase: 'attachments_up', done: ++done, total: shas.length });
  }
  return done;
}

/**
 * The bytes of an attachment: its file under `attachments/`, or, for a sign-off sheet's drawn
 * signature (kept inline in the signed sheet, not as a file), the PNG inside the sheet. Null when
 * neither exists or the bytes do not match the hash.
 */
function localBlob(sqlite: Database.Database, dataDir: string, sha256: string): { bytes: Buffer; mediaType: string } | null {
  const matches = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex') === sha256;
  const file = path.join(attachmentDir(dataDir), sha256);
  if (fs.existsSync(file)) {
    const bytes = fs.readFileSync(file);
    const row = sqlite.prepare('SELECT media_type AS mediaType FROM attachments WHERE sha256 = ?').get(sha256) as
      { mediaType: string } | undefined;
    if (matches(bytes)) return { bytes, mediaType: row?.mediaType ?? 'application/octet-stream' };
  }
  const inline = sqlite
    .prepare(
      `SELECT COALESCE(json_extract(sheet_json, '$.content.signatureImage.base64'), json_extract(sheet_json, '$.signatureImage.base64')) AS base64
       FROM sign_off_sheets WHERE signature_image_sha256 = ? LIMIT 1`,
    )
    .get(sha256) as { base64: string | null } | undefined;
  if (inline?.base64) {
    const bytes = Buffer.from(inline.base64, 'base64');
    if (matches(bytes)) return { bytes, mediaType: 'image/png' };
  }
  return null;
}

async function uploadBlob(run: SyncRun, sha256: string, bytes: Buffer, mediaType: string): Promise<void> {
  let status = await run.client.blobStatus(sha256);
  let stalled = 0;
  while (!status?.complete) {
    const offset = status?.received ?? 0;
    const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + BLOB_CHUNK_BYTES));
    const next = await run.client.putBlobChunk(sha256, offset, bytes.length, mediaType, chunk);
    stalled = next.received > offset || next.complete ? 0 : stalled + 1;
    if (stalled >= 3)
      throw new SyncError('server_error', 'The server does not accept the attachment upload', `blob ${sha256} stuck at ${offset} bytes`);
    status = next;
  }
}
