import { z } from 'zod';
import { idSchema } from './audit';

const minutes = z.number().int().min(0);

/** Downtime minutes split by where they fell against the site's sign-off and quiet period. */
export const downtimeSplitSchema = z.object({
  total: minutes,
  /** Before the site was signed off (or the site is not signed off). */
  beforeSignOff: minutes,
  /** From the sign-off until `quiet_period_days` after it. */
  quietPeriod: minutes,
  afterQuietPeriod: minutes,
});
export type DowntimeSplit = z.infer<typeof downtimeSplitSchema>;

/** One outage among the longest: its issue, the affected service and how long it lasted (so far, when open). */
export const longestOutageSchema = z.object({
  issueId: idSchema,
  siteId: idSchema,
  siteCode: z.string(),
  number: z.number().int(),
  title: z.string(),
  component: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  minutes,
  usersAffected: z.number().int().nullable(),
});
export type LongestOutage = z.infer<typeof longestOutageSchema>;

export const downtimeFiguresSchema = z.object({
  /** Issues with impact "outage" (open: no end yet). */
  outages: z.number().int().min(0),
  openOutages: z.number().int().min(0),
  /** Outage minutes (an open outage counts up to the time of the figures). */
  minutes: downtimeSplitSchema,
  /** Minutes of degraded service (not downtime), in total. */
  degradedMinutes: minutes,
  /** Mean time to restore: the mean duration of the ended outages, in minutes (one decimal); null without any. */
  mttrMinutes: z.number().min(0).nullable(),
  bySite: z.array(downtimeSplitSchema.extend({ siteId: idSchema, outages: z.number().int().min(0), openOutages: z.number().int().min(0) })),
  /** null: sites without a wave. */
  byWave: z.array(downtimeSplitSchema.extend({ waveId: idSchema.nullable(), outages: z.number().int().min(0) })),
  longest: z.array(longestOutageSchema),
});
export type DowntimeFigures = z.infer<typeof downtimeFiguresSchema>;
