import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { Attachment } from '../../shared/contract/attachments-methods';
import { stripImageMetadata } from '../../shared/photo/image-metadata';
import { attachments } from '../db/schema';
import { writeFileAtomically } from '../storage/atomic-file';
import { DomainError, notFound } from './domain-error';
import { recordActivity, type ServiceContext } from './service-context';

const MAGIC: Record<Attachment['mediaType'], (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export function attachmentDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes the bytes under their hash (temp file, fsync, rename), unless an intact copy is already there. */
function writeContent(dir: string, sha256: string, bytes: Buffer): void {
  const file = path.join(dir, sha256);
  if (fs.existsSync(file) && sha256Of(fs.readFileSync(file)) === sha256) return;
  writeFileAtomically(file, bytes);
  if (sha256Of(fs.readFileSync(file)) !== sha256) throw new DomainError('conflict', 'The photo could not be stored intact; try again');
}

/**
 * Stores a photo by its SHA-256 content hash; the file is on disk before the row that names it.
 * Whatever the client did, location and other metadata (EXIF, XMP, IPTC, text chunks, trailers) are
 * removed here first, losslessly, so the hash is that of the stripped file (shared/photo/image-metadata.ts).
 */
export function putAttachment(
  ctx: ServiceContext,
  dataDir: string,
  { mediaType, dataBase64 }: ApiParsedInput<'attachments.put'>,
): Attachment {
  const sent = Buffer.from(dataBase64, 'base64');
  if (sent.length === 0 || sent.toString('base64') !== dataBase64) throw new DomainError('rule', 'The photo is not valid base64');
  if (!MAGIC[mediaType](sent)) throw new DomainError('rule', `The file is not a ${mediaType} image`);
  const stripped = stripImageMetadata(sent, mediaType);
  if (!stripped.ok) throw new DomainError('rule', stripped.reason);
  const bytes = Buffer.from(stripped.bytes.buffer, stripped.bytes.byteOffset, stripped.bytes.byteLength);
  const sha256 = sha256Of(bytes);
  const existing = ctx.db.select().from(attachments).where(eq(attachments.sha256, sha256)).get();
  writeContent(attachmentDir(dataDir), sha256, bytes);
  if (existing) return existing as Attachment;
  const row: Attachment = { sha256, mediaType, size: bytes.length, createdAt: ctx.clock.now(), createdBy: ctx.actor() };
  ctx.db.insert(attachments).values(row).run();
  recordActivity(
    ctx,
    { action: 'stored', entity: 'attachment', entityId: sha256, detail: { mediaType, size: row.size, metadataRemoved: stripped.removed } },
    row.createdAt,
  );
  return row;
}

/** Reads a photo back, refusing a file whose bytes no longer match its hash. */
export function getAttachment(
  ctx: ServiceContext,
  dataDir: string,
  { sha256 }: ApiParsedInput<'attachments.get'>,
): ApiOutput<'attachments.get'> {
  const row = ctx.db.select().from(attachments).where(eq(attachments.sha256, sha256)).get();
  if (!row) throw notFound('Attachment', sha256);
  const file = path.join(attachmentDir(dataDir), sha256);
  if (!fs.existsSync(file)) throw new DomainError('not_found', `The file of attachment ${sha256} is missing from the data directory`);
  const bytes = fs.readFileSync(file);
  if (sha256Of(bytes) !== sha256)
    throw new DomainError('conflict', `The file of attachment ${sha256} was altered: its content no longer matches its hash`);
  return { ...(row as Attachment), dataBase64: bytes.toString('base64') };
}
