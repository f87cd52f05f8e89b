import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { blobRefsOfRow } from '../../shared/sync/blob-refs';
import { syncEntity } from '../../shared/sync/entity-registry';
import { sha256Schema } from '../../shared/sync/wire';
import { attachmentDir } from '../services/attachment-service';
import { writeFileAtomically } from '../storage/atomic-file';
import { checkAborted, type SyncRun } from './sync-deps';
import { SyncError } from './sync-error';

/** SHA-256 values in the blob columns of pulled rows. */
export function blobsReferencedBy(
  changes: readonly { entity: string; deleted: boolean; data: Readonly<Record<string, unknown>> | null }[],
): string[] {
  const found = new Set<string>();
  for (const change of changes) {
    const entity = syncEntity(change.entity);
    if (!entity?.blobColumns || change.deleted || !change.data) continue;
    for (const { value } of blobRefsOfRow(entity, change.data)) {
      if (sha256Schema.safeParse(value).success) found.add(value as string);
    }
  }
  return [...found];
}

function intactLocally(file: string, sha256: string): boolean {
  return fs.existsSync(file) && createHash('sha256').update(fs.readFileSync(file)).digest('hex') === sha256;
}

/** The SHA-256 values among `shas` that a row's blob columns name. */
export function blobsOfRow(entity: string, data: Readonly<Record<string, unknown>> | null, among: ReadonlyMap<string, string>): string[] {
  return blobsReferencedBy([{ entity, deleted: false, data }]).filter((sha) => among.has(sha));
}

/**
 * Downloads the attachments pulled rows reference and this device lacks: verified against their
 * SHA-256, written atomically under `attachments/<sha256>`, then named in `attachments`. Runs
 * before the rows that reference them are stored (they point at `attachments` by foreign key).
 * An attachment the server will not give (404, 403, 410: gone, or not readable by this account)
 * does not stop the pull: it is returned, with why, and the rows naming it go to the quarantine.
 */
export async function downloadMissingBlobs(run: SyncRun, shas: readonly string[]): Promise<Map<string, string>> {
  const unavailable = new Map<string, string>();
  const { sqlite, dataDir, clock } = run.deps;
  const dir = attachmentDir(dataDir);
  const known = sqlite.prepare('SELECT 1 FROM attachments WHERE sha256 = ?');
  const missing = shas.filter((sha) => !(known.get(sha) && intactLocally(path.join(dir, sha), sha)));
  let done = 0;
  if (missing.length > 0) run.progress({ phase: 'attachments_down', done, total: missing.length });
  for (const sha256 of missing) {
    const file = path.join(dir, sha256);
    let mediaType = 'application/octet-stream';
    let size: number;
    if (intactLocally(file, sha256)) {
      size = fs.statSync(file).size;
    } else {
      let blob: { bytes: Buffer; mediaType: string };
      try {
        blob = await run.client.getBlob(sha256);
      } catch (error) {
        if (!(error instanceof SyncError) || !UNAVAILABLE_STATUSES.has(error.status ?? 0)) throw error;
        checkAborted(run);
        unavailable.set(
          sha256,
          `${ATTACHMENT_UNAVAILABLE} ${sha256.slice(0, 12)}… (HTTP ${error.status}${error.serverCode ? ` ${error.serverCode}` : ''})`,
        );
        run.progress({ phase: 'attachments_down', done: ++done, total: missing.length });
        continue;
      }
      checkAborted(run);
      const actual = createHash('sha256').update(blob.bytes).digest('hex');
      if (actual !== sha256)
        throw new SyncError('server_error', 'An attachment from the server did not match its SHA-256', `expected ${sha256}, got ${actual}`);
      writeFileAtomically(file, blob.bytes);
      mediaType = blob.mediaType;
      size = blob.bytes.length;
    }
    sqlite
      .prepare(
        'INSERT INTO attachments (sha256, media_type, size, created_at, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING',
      )
      .run(sha256, mediaType, size, clock.now(), 'central server');
    run.progress({ phase: 'attachments_down', done: ++done, total: missing.length });
  }
  return unavailable;
}

const UNAVAILABLE_STATUSES = new Set([403, 404, 410]);

/** How a quarantine reason starts when the row waits for an attachment (such entries are tried again on every pull). */
export const ATTACHMENT_UNAVAILABLE = 'the server did not give the attachment';
