import { createHash } from 'node:crypto';
import { and, eq, gte, lt } from 'drizzle-orm';
import { eventContentKey, type CalendarEventContent } from '../../shared/calendar/calendar-event';
import { calendarEvents } from '../db/schema/planning';
import type { ServiceContext } from '../services/service-context';

/**
 * SEQUENCE per UID (table calendar_events): 0 the first time an event is exported; one higher each
 * time what it says (the hash of its content, cancelled or not) differs from the last export; the
 * same when nothing changed. Call inside the export's transaction, so the file and the row agree.
 */

/** One sent event as recorded. */
export type CalendarEventRow = typeof calendarEvents.$inferSelect;
type Row = CalendarEventRow;

export interface SequencedEvent {
  sequence: number;
  /** True when this export changed the event (first export, new content, or a new cancellation). */
  changed: boolean;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The recorded rows whose UID starts with `uidPrefix` (a deployment's 2,000 team events in one
 * query), or the one row of that UID. A range on the key, not LIKE: ids may hold `_` or `%`.
 */
export function knownEvents(ctx: ServiceContext, uidPrefix: string): Map<string, Row> {
  const rows = ctx.db
    .select()
    .from(calendarEvents)
    .where(and(gte(calendarEvents.uid, uidPrefix), lt(calendarEvents.uid, `${uidPrefix}\uffff`)))
    .all();
  return new Map(rows.map((r) => [r.uid, r]));
}

/** The rows of one site (any audience), for a site removed from the plan. */
export function knownEventsOfSite(ctx: ServiceContext, siteId: string): Row[] {
  return ctx.db.select().from(calendarEvents).where(eq(calendarEvents.siteId, siteId)).all();
}

/** Records the export of `content` and returns its SEQUENCE. `known` is updated in place. */
export function sequenceEvent(
  ctx: ServiceContext,
  known: Map<string, Row>,
  content: CalendarEventContent,
  cancelled: boolean,
): SequencedEvent {
  const hash = sha256(eventContentKey(content, cancelled));
  const row = known.get(content.uid);
  if (row && row.contentSha256 === hash && row.cancelled === cancelled) return { sequence: row.sequence, changed: false };
  const next: Row = {
    uid: content.uid,
    siteId: content.siteId,
    audience: content.audience,
    contentSha256: hash,
    sequence: row ? row.sequence + 1 : 0,
    cancelled,
    updatedAt: ctx.clock.now(),
  };
  ctx.db
    .insert(calendarEvents)
    .values(next)
    .onConflictDoUpdate({
      target: calendarEvents.uid,
      set: { contentSha256: next.contentSha256, sequence: next.sequence, cancelled: next.cancelled, updatedAt: next.updatedAt },
    })
    .run();
  known.set(next.uid, next);
  return { sequence: next.sequence, changed: true };
}
