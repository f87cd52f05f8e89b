import { z } from 'zod';
import { idSchema } from './audit';

/** Whether an attendee signed the attendance list (a drawn signature) or was absent. */
export const trainingAttendanceSchema = z.enum(['absent', 'signed']);
export type TrainingAttendance = z.infer<typeof trainingAttendanceSchema>;

/** Longest training session recorded (a day). */
export const TRAINING_MAX_MINUTES = 1440;

export const trainingAttendeeSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  /** 1-based place on the attendance list. */
  position: z.number().int().min(1),
  name: z.string(),
  role: z.string(),
  attendance: trainingAttendanceSchema,
  /** SHA-256 of the drawn signature (PNG attachment); null when absent. */
  signatureSha256: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type TrainingAttendee = z.infer<typeof trainingAttendeeSchema>;

export const trainingMaterialSchema = z.object({
  sessionId: idSchema,
  sha256: z.string(),
  name: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type TrainingMaterial = z.infer<typeof trainingMaterialSchema>;

export const trainingSessionSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  topic: z.string(),
  trainer: z.string(),
  /** ISO 8601 instant. */
  startsAt: z.string(),
  durationMinutes: z.number().int().min(1).max(TRAINING_MAX_MINUTES),
  createdAt: z.string(),
  createdBy: z.string(),
  attendees: z.array(trainingAttendeeSchema),
  materials: z.array(trainingMaterialSchema),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;

/**
 * Training as a site sheet covers it: each session with its attendance (signature by hash) and
 * its materials. Only on sheets of sites with a session, so other reviews hash as before.
 */
export const reviewTrainingSchema = z.array(
  z.object({
    topic: z.string(),
    trainer: z.string(),
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    attendees: z.array(
      z.object({
        position: z.number().int(),
        name: z.string(),
        role: z.string(),
        attendance: trainingAttendanceSchema,
        signatureSha256: z.string().nullable(),
      }),
    ),
    materials: z.array(z.object({ name: z.string(), sha256: z.string() })),
  }),
);
export type ReviewTraining = z.infer<typeof reviewTrainingSchema>;
