import { z } from 'zod';
import { auditSchema, idSchema } from './audit';
import { siteStatusSchema } from './enums';
import { siteTechnicianSchema } from './site-technician';
import { NOTE_MAX_LENGTH } from '../logic/text-limits';
import { siteLanguageSchema } from '../i18n/languages';

/** A site's notes (access, parking, who to ask on the day): the shared note limit, also a CHECK and a row rule. */
export const SITE_NOTES_MAX_LENGTH = NOTE_MAX_LENGTH;

export const siteSchema = z.object({
  id: idSchema,
  deploymentId: idSchema,
  waveId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  timeZone: z.string(),
  ownerName: z.string(),
  ownerEmail: z.string(),
  ownerPhone: z.string(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  technicians: z.array(siteTechnicianSchema),
  status: siteStatusSchema,
  /** Free text from the plan or a site import ('' when none). */
  notes: z.string(),
  /** The site owner's language; null = from the site's country (shared/i18n/languages.ts). */
  language: siteLanguageSchema.nullable(),
  ...auditSchema.shape,
});
export type Site = z.infer<typeof siteSchema>;

export const progressSchema = z.object({ done: z.number().int(), total: z.number().int() });
export type Progress = z.infer<typeof progressSchema>;

/** A site with the figures the navigator and overview show. */
export const siteSummarySchema = siteSchema.extend({
  waveName: z.string().nullable(),
  checklist: progressSchema,
  inventory: progressSchema,
  machineCount: z.number().int(),
});
export type SiteSummary = z.infer<typeof siteSummarySchema>;
