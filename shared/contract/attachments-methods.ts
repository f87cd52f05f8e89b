import { z } from 'zod';
import { command, query } from './define';
import { sha256Schema } from './issues-methods';

/** Largest attachment accepted: the base64 text must fit in one API call (256 KiB) with room to spare. */
export const MAX_ATTACHMENT_BYTES = 180 * 1024;
export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const attachmentSchema = z.object({
  sha256: sha256Schema,
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  size: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const base64 = z
  .string()
  .min(1, 'The file is empty')
  .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, `A photo may be at most ${MAX_ATTACHMENT_BYTES / 1024} KiB`)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not base64');

export const attachmentsMethods = {
  'attachments.put': command(
    z.object({ mediaType: z.enum(ATTACHMENT_MEDIA_TYPES), dataBase64: base64 }).strict(),
    attachmentSchema,
    'Store a photo by its SHA-256 content hash (the same bytes are stored once)',
  ),
  'attachments.get': query(
    z.object({ sha256: sha256Schema }).strict(),
    attachmentSchema.extend({ dataBase64: z.string() }),
    'A stored photo; its bytes are checked against the hash',
  ),
} as const;
