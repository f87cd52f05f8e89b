import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { command, managersOnly } from './define';

/** An iCalendar file as the core made it: save `text` as `fileName`. */
export const calendarFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.literal('text/calendar'),
  /** The .ics text (UTF-8, CRLF lines). */
  text: z.string(),
  /** PUBLISH for a schedule; CANCEL for the owner's cancellation of a rolled-back or removed site. */
  method: z.enum(['PUBLISH', 'CANCEL']),
  /** Events in the file, and how many of them are cancellations. */
  eventCount: z.number().int().nonnegative(),
  cancelledCount: z.number().int().nonnegative(),
});
export type CalendarFile = z.infer<typeof calendarFileSchema>;

/**
 * The calendar files (.ics). Each export records what it sent (calendar_events), so the next one
 * carries a higher SEQUENCE where an event changed: they are commands for that reason.
 */
export const calendarMethods = {
  'calendar.siteOwner': managersOnly(
    command(
      z.object({ siteId: idSchema }).strict(),
      calendarFileSchema,
      "The site owner's calendar file: the site's window in its own zone, what will happen, what the owner prepares, the technicians and the notes; a CANCEL when the site was rolled back or removed after it was sent",
    ),
  ),
  'calendar.deployment': managersOnly(
    command(
      z.object({ deploymentId: idSchema }).strict(),
      calendarFileSchema,
      "A deployment's calendar file: every site window; sites rolled back or removed since they were sent as cancelled events",
    ),
  ),
  'calendar.technician': command(
    z
      .object({
        /** A technician's name or user id; both left out: the current profile's own calendar. */
        name: z.string().trim().min(1).max(120).optional(),
        userId: z.uuid().optional(),
      })
      .strict(),
    calendarFileSchema,
    "A technician's calendar file: their site windows across every deployment on this device. Anyone for their own; release managers for any technician",
  ),
} as const;
