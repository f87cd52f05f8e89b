import { z } from 'zod';
import { idSchema } from '../domain/audit';
import type { SiteStatus } from '../domain/enums';
import { siteTechnicianInputSchema, type SiteTechnician } from '../domain/site-technician';

/**
 * Statuses a bulk edit may set. The issue asks for "planned/scheduled"; the site status enum has no
 * "scheduled", and the two statuses of a plan not yet worked on are `planned` (being prepared) and
 * `ready` (prepared, waiting for its window), so those are the two. Every later status needs field
 * work or its own record (a rollback, a signed sheet) and is never set in bulk.
 */
export const BULK_STATUSES = ['planned', 'ready'] as const satisfies readonly SiteStatus[];

/** Bulk edits refused for sites in these statuses when they change the plan (status, wave, window). */
export const BULK_CLOSED_STATUSES: readonly SiteStatus[] = ['signed_off', 'rolled_back'];

/** At most this many sites per bulk edit. */
export const BULK_MAX_SITES = 5000;
/** Windows move by at most a year either way. */
export const BULK_MAX_SHIFT_DAYS = 366;

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assignTechnician'), technician: siteTechnicianInputSchema }).strict(),
  z.object({ kind: z.literal('removeTechnician'), technician: siteTechnicianInputSchema }).strict(),
  z.object({ kind: z.literal('moveToWave'), waveId: idSchema }).strict(),
  z
    .object({
      kind: z.literal('shiftWindows'),
      days: z
        .number()
        .int('Give whole days')
        .min(-BULK_MAX_SHIFT_DAYS, `At most ${BULK_MAX_SHIFT_DAYS} days`)
        .max(BULK_MAX_SHIFT_DAYS, `At most ${BULK_MAX_SHIFT_DAYS} days`)
        .refine((d) => d !== 0, 'Give a number of days other than 0'),
    })
    .strict(),
  z.object({ kind: z.literal('setStatus'), status: z.enum(BULK_STATUSES) }).strict(),
]);
export type BulkAction = z.output<typeof bulkActionSchema>;
export type BulkActionKind = BulkAction['kind'];

/** Whether the action changes the plan of a site (then closed sites are refused); technicians may change on any site. */
export function changesPlan(action: BulkAction): boolean {
  return action.kind === 'moveToWave' || action.kind === 'shiftWindows' || action.kind === 'setStatus';
}

/** Same person: the same user id, or the same name when either side is a name only. */
export function sameTechnician(a: SiteTechnician, b: SiteTechnician): boolean {
  if (a.id && b.id) return a.id === b.id;
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

const plural = (n: number, one: string) => `${n} ${one}${Math.abs(n) === 1 ? '' : 's'}`;

/** "Assign Riley Field to 48 sites": the bulk edit's summary, shown in the undo button and the activity log. */
export function describeBulkAction(action: BulkAction, siteCount: number, waveName?: string): string {
  const sites = plural(siteCount, 'site');
  switch (action.kind) {
    case 'assignTechnician':
      return `Assign ${action.technician.name} to ${sites}`;
    case 'removeTechnician':
      return `Remove ${action.technician.name} from ${sites}`;
    case 'moveToWave':
      return `Move ${sites} to ${waveName ?? 'another wave'}`;
    case 'shiftWindows':
      return `Shift the windows of ${sites} by ${action.days > 0 ? '+' : ''}${plural(action.days, 'day')}`;
    case 'setStatus':
      return `Set ${sites} to ${action.status}`;
  }
}
