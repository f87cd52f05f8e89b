import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { downtimeFiguresSchema } from '../domain/downtime';
import { siteStatusSchema } from '../domain/enums';
import { issueCategorySchema, issueSeveritySchema } from '../domain/issue';
import { ADHERENCE_KINDS } from '../logic/schedule-adherence';
import { command, managersOnly, query } from './define';
import { limitedText } from './text-fields';

const count = z.number().int().min(0);

export const waveDecisionSchema = z.enum(['go', 'no_go']);
export type WaveDecisionKind = z.infer<typeof waveDecisionSchema>;

/** The figures a release manager saw when deciding, kept with the decision. */
export const decisionFiguresSchema = z.object({
  /** The earlier waves the figures cover (the evidence for going on with this one). */
  basedOn: z.array(z.string()),
  sites: count,
  signedOff: count,
  rolledBack: count,
  openIssues: count,
  openBlockingIssues: count,
  checkPassRate: z.number().nullable(),
  discrepancies: count,
});
export type DecisionFigures = z.infer<typeof decisionFiguresSchema>;

export const waveDecisionRecordSchema = z.object({
  id: idSchema,
  waveId: idSchema,
  decision: waveDecisionSchema,
  note: z.string(),
  figures: decisionFiguresSchema.partial(),
  decidedAt: z.string(),
  decidedBy: z.string(),
});
export type WaveDecisionRecord = z.infer<typeof waveDecisionRecordSchema>;

/** Where signed-off (or still open) sites stand against their scheduled window. */
export const adherenceSchema = z.object({
  /** Signed off before the window opened: not "on time", its own category. */
  early: count,
  onTime: count,
  late: count,
  overdue: count,
  inWindow: count,
  upcoming: count,
  noWindow: count,
});
export type Adherence = z.infer<typeof adherenceSchema>;

/** Latest finished check run per target: passed, failed, or could not check (error, unreachable, …). */
export const checkFiguresSchema = z.object({ pass: count, fail: count, error: count, targets: count });
export type CheckFigures = z.infer<typeof checkFiguresSchema>;

export const inventoryFiguresSchema = z.object({
  expected: count,
  received: count,
  missing: count,
  damaged: count,
  surplus: count,
  /** Expected but not received at sites whose window has ended. */
  stillExpectedPastWindow: count,
});
export type InventoryFigures = z.infer<typeof inventoryFiguresSchema>;

export const waveFiguresSchema = z.object({
  /** null: sites without a wave. */
  waveId: idSchema.nullable(),
  name: z.string(),
  sequence: z.number().int(),
  isPilot: z.boolean(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  sites: count,
  byStatus: z.record(siteStatusSchema, count),
  adherence: adherenceSchema,
  successful: count,
  rolledBackSites: count,
  checks: checkFiguresSchema,
  openIssues: count,
  openBlockingIssues: count,
  discrepancies: count,
  decisions: z.array(waveDecisionRecordSchema),
});
export type WaveFigures = z.infer<typeof waveFiguresSchema>;

export const dashboardSiteRowSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  waveId: idSchema.nullable(),
  waveName: z.string().nullable(),
  status: siteStatusSchema,
  timeZone: z.string(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  adherence: z.enum(ADHERENCE_KINDS),
  openIssues: z.object({ critical: count, high: count, medium: count, low: count }),
  openBlocking: count,
  /** Targets whose latest run passed / that have a finished run / planned (or checked, if more). */
  checksPass: count,
  checksChecked: count,
  checksTotal: count,
  /** Missing + damaged + surplus items. */
  discrepancies: count,
  rollbacks: count,
  startedAt: z.string().nullable(),
  signedOffAt: z.string().nullable(),
});
export type DashboardSiteRow = z.infer<typeof dashboardSiteRowSchema>;

export const durationFiguresSchema = z.object({
  /** Signed-off sites with a known start. */
  measured: count,
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  buckets: z.array(z.object({ label: z.string(), maxHours: z.number().nullable(), count })),
});
export type DurationFigures = z.infer<typeof durationFiguresSchema>;

export const dashboardSchema = z.object({
  deploymentId: idSchema,
  name: z.string(),
  quietPeriodDays: z.number().int(),
  generatedAt: z.string(),
  totals: z.object({
    sites: count,
    signedOff: count,
    successful: count,
    rolledBackSites: count,
    rollbacks: count,
    openIssues: count,
    openBlockingIssues: count,
    discrepancies: count,
  }),
  waves: z.array(waveFiguresSchema),
  adherence: adherenceSchema,
  issues: z.object({
    bySeverity: z.array(z.object({ severity: issueSeveritySchema, total: count, open: count, openBlocking: count })),
    byCategory: z.array(z.object({ category: issueCategorySchema, total: count, open: count })),
    quietPeriod: z.object({ total: count, bySeverity: z.record(issueSeveritySchema, count) }),
  }),
  checks: checkFiguresSchema,
  inventory: inventoryFiguresSchema,
  startToSignOff: durationFiguresSchema,
  /** Downtime per incident: outage minutes per site and wave, around sign-off and the quiet period, MTTR, the longest outages. */
  downtime: downtimeFiguresSchema,
  sites: z.array(dashboardSiteRowSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardMethods = {
  'dashboard.get': query(
    z.object({ deploymentId: idSchema }).strict(),
    dashboardSchema,
    'Deployment dashboard computed from local data: sites by status per wave, schedule adherence, rollbacks, issues, downtime, checks, inventory, start→sign-off time, per-site rows, wave decisions',
  ),
  'waves.decide': managersOnly(
    command(
      z
        .object({
          waveId: idSchema,
          decision: waveDecisionSchema,
          note: limitedText().default(''),
        })
        .strict()
        .refine((v) => v.decision === 'go' || v.note.length > 0, { path: ['note'], message: 'A no-go decision needs a note' }),
      waveDecisionRecordSchema,
      'Record a go / no-go decision on a wave (release managers and administrators), with the figures at decision time',
    ),
  ),
} as const;

/**
 * The evidence for going on with a wave: the summed figures of every earlier wave (the pilot's
 * results for wave 1, and so on). The core stores them with a decision; the UI shows the same
 * figures in the confirmation.
 */
export function decisionFiguresBefore(waves: readonly WaveFigures[], sequence: number): DecisionFigures {
  const earlier = waves.filter((w) => w.waveId !== null && w.sequence < sequence);
  const sum = (pick: (w: WaveFigures) => number) => earlier.reduce((n, w) => n + pick(w), 0);
  const pass = sum((w) => w.checks.pass);
  const checked = sum((w) => w.checks.pass + w.checks.fail + w.checks.error);
  return {
    basedOn: earlier.map((w) => w.name),
    sites: sum((w) => w.sites),
    signedOff: sum((w) => w.byStatus.signed_off),
    rolledBack: sum((w) => w.rolledBackSites),
    openIssues: sum((w) => w.openIssues),
    openBlockingIssues: sum((w) => w.openBlockingIssues),
    checkPassRate: checked === 0 ? null : Math.round((pass / checked) * 1000) / 10,
    discrepancies: sum((w) => w.discrepancies),
  };
}
