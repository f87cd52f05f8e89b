import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { TRAINING_MAX_MINUTES, trainingAttendeeSchema, trainingMaterialSchema, trainingSessionSchema } from '../domain/training';
import { command, query } from './define';
import { sha256Schema } from './issues-methods';
import { limitedText } from './text-fields';

const required = (what: string, max = 200) => limitedText(max).pipe(z.string().min(1, `${what} is required`));
const exportedFileSchema = z.object({ fileName: z.string(), mediaType: z.string(), sha256: z.string(), base64: z.string() });

/** Training and hand-over (APQC 8.6.5.1): sessions per site with an attendance list signed by each attendee. */
export const trainingMethods = {
  'training.list': query(
    z.object({ siteId: idSchema }).strict(),
    z.array(trainingSessionSchema),
    "A site's training sessions, oldest first, each with its attendance list and materials",
  ),
  'training.createSession': command(
    z
      .object({
        siteId: idSchema,
        topic: required('Topic'),
        trainer: required('Trainer'),
        /** ISO 8601 instant (the renderer converts the site-time entry). */
        startsAt: z.iso.datetime({ offset: true }),
        durationMinutes: z
          .number()
          .int()
          .min(1, 'Duration must be at least one minute')
          .max(TRAINING_MAX_MINUTES, 'A session lasts at most a day'),
      })
      .strict(),
    trainingSessionSchema,
    'Record a training session at a site: topic, trainer, start and duration',
  ),
  'training.addAttendee': command(
    z
      .object({
        sessionId: idSchema,
        name: required('Name'),
        role: required('Role'),
        /** The drawn signature as PNG, base64 (no data: prefix); null records the attendee as absent. */
        signaturePngBase64: z.string().min(100).max(180_000).nullable(),
      })
      .strict(),
    trainingAttendeeSchema,
    'Add an attendee to the attendance list with a drawn signature, or as absent; the entry cannot be changed afterwards',
  ),
  'training.addMaterial': command(
    z.object({ sessionId: idSchema, sha256: sha256Schema, name: required('Name') }).strict(),
    trainingMaterialSchema,
    'Link a stored attachment (attachments.put) to a session as training material',
  ),
  'training.exportAttendanceCsv': query(
    z.object({ siteId: idSchema }).strict(),
    exportedFileSchema,
    "The site's attendance lists as CSV (RFC 4180, UTF-8 with BOM): one row per attendee and session",
  ),
} as const;
