import { eq, inArray } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { calendarFileName, siteEventContent, teamEventUidPrefix, type CalendarEventContent } from '../../shared/calendar/calendar-event';
import { isManagerRole } from '../../shared/domain/role-access';
import type { SiteTechnician } from '../../shared/domain/site-technician';
import { calendarEvents, deployments } from '../db/schema';
import { DomainError, notFound } from '../services/domain-error';
import { getProfile } from '../services/profile-service';
import type { ServiceContext } from '../services/service-context';
import { myNames } from '../schedule/schedule-service';
import { loadCalendarSites, type CalendarSiteRow } from './calendar-data';
import { knownEvents, knownEventsOfSite, sequenceEvent } from './calendar-sequence';
import { renderIcs, type IcsEvent } from './ics-writer';

type CalendarFile = ApiOutput<'calendar.siteOwner'>;

/** A site is off the schedule once it is rolled back; its window is then cancelled. */
const isCancelled = (s: CalendarSiteRow) => s.status === 'rolled_back';

function hasWindow(s: CalendarSiteRow): s is CalendarSiteRow & { windowStart: string; windowEnd: string } {
  return s.windowStart !== null && s.windowEnd !== null;
}

/**
 * A removed site's cancellation: only its UID and SEQUENCE matter to a calendar (RFC 5546 matches
 * by UID). The window is gone with the site, so the event is placed at the moment of cancelling.
 */
function removedContent(ctx: ServiceContext, row: { uid: string; siteId: string; audience: string }): CalendarEventContent {
  const now = ctx.clock.now();
  return { uid: row.uid, siteId: row.siteId, audience: row.audience === 'owner' ? 'owner' : 'team', summary: 'Cancelled: the site was removed from the deployment', description: '', location: '', timeZone: 'UTC', start: now, end: now, attendee: null };
}

function file(ctx: ServiceContext, name: string, fileParts: string[], method: 'PUBLISH' | 'CANCEL', events: IcsEvent[]): CalendarFile {
  const text = renderIcs({ method, name, stamp: ctx.clock.now(), events });
  return { fileName: calendarFileName(...fileParts), mediaType: 'text/calendar', text, method, eventCount: events.length, cancelledCount: events.filter((e) => e.cancelled).length };
}

/**
 * The team's events of some sites: each window (a rolled-back site as a cancellation, but only if it
 * was sent before; a site without a window is left out).
 */
function teamEvents(ctx: ServiceContext, list: CalendarSiteRow[], known: ReturnType<typeof knownEvents>): IcsEvent[] {
  const out: IcsEvent[] = [];
  for (const s of list) {
    if (!hasWindow(s)) continue;
    const content = siteEventContent(s, 'team');
    const cancelled = isCancelled(s);
    if (cancelled && !known.has(content.uid)) continue;
    out.push({ content, cancelled, sequence: sequenceEvent(ctx, known, content, cancelled).sequence });
  }
  return out;
}

function nothingToExport(message: string): DomainError {
  return new DomainError('rule', message);
}

/** `calendar.siteOwner`: the owner's event, or its CANCEL once the site is rolled back or removed. */
export function siteOwnerCalendar(ctx: ServiceContext, { siteId }: ApiParsedInput<'calendar.siteOwner'>): CalendarFile {
  const [site] = loadCalendarSites(ctx, { siteId });
  if (!site) {
    // Removed from the plan: cancel what was sent to the owner, if anything.
    const sent = knownEventsOfSite(ctx, siteId).filter((r) => r.audience === 'owner');
    if (sent.length === 0) throw notFound('Site', siteId);
    const known = new Map(sent.map((r) => [r.uid, r]));
    const events = sent.map((r) => {
      const content = removedContent(ctx, r);
      // A removed site's cancellation is sent again unchanged: keep the SEQUENCE it had.
      return { content, cancelled: true, sequence: r.cancelled ? r.sequence : sequenceEvent(ctx, known, content, true).sequence };
    });
    return file(ctx, 'Site cancelled', ['site', siteId, 'cancel'], 'CANCEL', events);
  }
  if (!hasWindow(site)) throw nothingToExport(`${site.code} has no window yet: nothing to put in a calendar`);
  const content = siteEventContent(site, 'owner');
  const known = knownEvents(ctx, content.uid);
  const cancelled = isCancelled(site);
  if (cancelled && !known.has(content.uid)) throw nothingToExport(`${site.code} was rolled back before its owner was sent a calendar file: nothing to cancel`);
  const event = { content, cancelled, sequence: sequenceEvent(ctx, known, content, cancelled).sequence };
  const parts = [site.deploymentName, site.code];
  return cancelled ? file(ctx, `${site.code} cancelled`, [...parts, 'cancel'], 'CANCEL', [event]) : file(ctx, `${site.deploymentName}: ${site.code}`, [...parts, 'owner'], 'PUBLISH', [event]);
}

/** `calendar.deployment`: every window of the deployment, and cancellations of rolled-back and removed sites sent before. */
export function deploymentCalendar(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'calendar.deployment'>): CalendarFile {
  const deployment = ctx.db.select({ name: deployments.name, version: deployments.version }).from(deployments).where(eq(deployments.id, deploymentId)).get();
  if (!deployment) throw notFound('Deployment', deploymentId);
  const list = loadCalendarSites(ctx, { deploymentId });
  const prefix = teamEventUidPrefix(deploymentId);
  const known = knownEvents(ctx, prefix);
  const events = teamEvents(ctx, list, known);
  const present = new Set(list.map((s) => s.siteId));
  for (const row of known.values()) {
    if (present.has(row.siteId)) continue;
    const content = removedContent(ctx, row);
    events.push({ content, cancelled: true, sequence: row.cancelled ? row.sequence : sequenceEvent(ctx, known, content, true).sequence });
  }
  if (events.length === 0) throw nothingToExport(`No site of ${deployment.name} has a window yet: nothing to put in a calendar`);
  return file(ctx, `${deployment.name} ${deployment.version}`.trim(), [deployment.name, deployment.version, 'schedule'], 'PUBLISH', events);
}

const norm = (name: string) => name.trim().toLocaleLowerCase();

/** `calendar.technician`: one person's windows across deployments, matched by user id or by name. */
export function technicianCalendar(ctx: ServiceContext, input: ApiParsedInput<'calendar.technician'>): CalendarFile {
  const own = myNames(ctx);
  const asked = input.name !== undefined || input.userId !== undefined;
  if (asked && !isManagerRole(getProfile(ctx.db)?.role) && !(input.userId === undefined && own.some((n) => norm(n) === norm(input.name!)))) {
    throw new DomainError('forbidden', 'Only a release manager or an administrator may export another technician\'s calendar');
  }
  const names = new Set((asked ? (input.name ? [input.name] : []) : own).map(norm));
  const userId = input.userId?.toLowerCase();
  const isTheirs = (list: readonly SiteTechnician[]) => list.some((t) => (userId !== undefined && t.id === userId) || names.has(norm(t.name)));
  const list = loadCalendarSites(ctx, {}).filter((s) => isTheirs(s.technicians));
  const who = input.name ?? list.flatMap((s) => s.technicians).find((t) => userId !== undefined && t.id === userId)?.name ?? input.userId ?? own[0] ?? 'me';
  if (list.length === 0) throw new DomainError('not_found', `No site on this device names ${who} as technician`);
  const uids = list.map((s) => siteEventContent({ ...s, windowStart: '', windowEnd: '' }, 'team').uid);
  const known = new Map(
    ctx.db
      .select()
      .from(calendarEvents)
      .where(inArray(calendarEvents.uid, uids))
      .all()
      .map((r) => [r.uid, r]),
  );
  const events = teamEvents(ctx, list, known);
  if (events.length === 0) throw nothingToExport(`None of ${who}'s sites has a window yet: nothing to put in a calendar`);
  return file(ctx, `${who}: sites`, [who, 'sites'], 'PUBLISH', events);
}
