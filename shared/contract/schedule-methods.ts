import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { siteStatusSchema } from '../domain/enums';
import { siteTechnicianSchema } from '../domain/site-technician';
import { exportedFileSchema } from './closeout-methods';
import { action, query } from './define';

export const scheduleWarningSchema = z.object({
  kind: z.enum(['technician_overlap', 'outside_wave', 'crosses_dst', 'no_technician', 'no_owner_contact']),
  siteId: idSchema,
  siteCode: z.string(),
  deploymentId: idSchema,
  message: z.string(),
  otherSiteId: idSchema.optional(),
});

export const readinessGapSchema = z.object({
  kind: z.enum(['no_plan', 'no_checklist', 'host_key_missing', 'credentials_missing']),
  message: z.string(),
});

/** One site of the My schedule view, with whether it is prepared for offline work (shared/logic/offline-readiness). */
export const myScheduleSiteSchema = z.object({
  siteId: idSchema,
  code: z.string(),
  name: z.string(),
  deploymentId: idSchema,
  deploymentName: z.string(),
  waveName: z.string().nullable(),
  timeZone: z.string(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  status: siteStatusSchema,
  technicians: z.array(siteTechnicianSchema),
  machineCount: z.number().int(),
  prepared: z.boolean(),
  missing: z.array(readinessGapSchema),
});
export type MyScheduleSite = z.infer<typeof myScheduleSiteSchema>;

export const myScheduleSchema = z.object({
  /** The names this device knows the person by (profile, account). */
  names: z.array(z.string()),
  checkedAt: z.string(),
  /** In order of window start; sites without a window last. */
  sites: z.array(myScheduleSiteSchema),
  /** My sites left out because their window has ended (when `includePast` is false). */
  pastHidden: z.number().int().nonnegative(),
});
export type MySchedule = z.infer<typeof myScheduleSchema>;

export const scheduleMethods = {
  'schedule.warnings': query(
    z.object({ deploymentId: idSchema }).strict(),
    z.array(scheduleWarningSchema),
    "Schedule warnings (never blocks) for a deployment's sites: technician overlaps across every deployment on this device, windows outside their wave, windows crossing a DST change, no technician, no owner contact",
  ),
  'schedule.mine': query(
    z.object({ includePast: z.boolean().default(false) }).strict(),
    myScheduleSchema,
    "The current profile's sites across deployments, in window order, each with whether it is prepared for offline work and what is missing",
  ),
  'schedule.wavePdf': action(
    z.object({ waveId: idSchema }).strict(),
    exportedFileSchema,
    "A wave's printable schedule as PDF (base64): one row per site by window start, in site time with the offset, technicians, owner contact and status; the wave's warnings at the end",
  ),
} as const;
