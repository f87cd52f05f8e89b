import { eq, inArray } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import {
  calendarFileName,
  ownerEventUid,
  siteEventContent,
  teamEventUid,
  teamEventUidPrefix,
  type CalendarEventContent,
} from '../../shared/calendar/calendar-event';
import { isManagerRole } from '../../shared/domain/role-access';
import type { SiteTechnician } from '../../shared/domain/site-technician';
import { calendarEvents, deployments } from '../db/schema';
import { DomainError, notFound } from '../services/domain-error';
import { getProfile } from '../services/profile-service';
import type { ServiceContext } from '../services/service-context';
import { myNames } from '../schedule/schedule-service';
import { loadCalendarSites, type CalendarSiteRow } from './calendar-data';
import { knownEvents, knownEventsOfSite, sequenceEvent, type CalendarEventRow as KnownRow } from './calendar-sequence';
import { renderIcs, type IcsEvent } from './ics-writer';

type CalendarFile = ApiOutput<'calendar.siteOwner'>;

/** A site is off the schedule once it is rolled back; its window is then cancelled. */
const isCancelled = (s: CalendarSiteRow) => s.status === 'rolled_back';

function hasWindow(s: CalendarSiteRow): s is CalendarSiteRow & { windowStart: string; windowEnd: string } {
  return s.windowStart !== null && s.windowEnd !== null;
}

/**
 * The cancellation of an event sent before whose window is gone (the site removed, or its window
 * cleared): only UID and SEQUENCE matter to a calendar (RFC 5546 matches by UID), so it is placed at
 * the moment of cancelling. Sent again unchanged, it keeps its SEQUENCE.
 */
function cancelWithoutWindow(ctx: ServiceContext, known: Map<string, KnownRow>, row: KnownRow, why: string): IcsEvent {
  const now = ctx.clock.now();
  const content: CalendarEventContent = {
    uid: row.uid,
    siteId: row.siteId,
    audience: row.audience === 'owner' ? 'owner' : 'team',
    summary: `Cancelled: ${why}`,
    description: '',
    location: '',
    timeZone: 'UTC',
    start: now,
    end: now,
    attendee: null,
  };
  return { content, cancelled: true, sequence: row.cancelled ? row.sequence : sequenceEvent(ctx, known, content, true).sequence };
}

const REMOVED = 'the site was removed from the deployment';
const NO_WINDOW = "the site's window was removed";

function file(ctx: ServiceContext, name: string, fileParts: string[], method: 'PUBLISH' | 'CANCEL', events: IcsEvent[]): CalendarFile {
  const text = renderIcs({ method, name, stamp: ctx.clock.now(), events });
  return {
    fileName: calendarFileName(...fileParts),
    mediaType: 'text/calendar',
    text,
    method,
    eventCount: events.length,
    cancelledCount: events.filter((e) => e.cancelled).length,
  };
}

/**
 * The team's events of some sites: each window. A rolled-back site, or one whose window was cleared,
 * is a cancellation if it was sent before, and left out if not.
 */
function teamEvents(ctx: ServiceContext, list: CalendarSiteRow[], known: Map<string, KnownRow>): IcsEvent[] {
  const out: IcsEvent[] = [];
  for (const s of list) {
    if (!hasWindow(s)) {
      const sent = known.get(teamEventUid(s.deploymentId, s.siteId));
      if (sent) out.push(cancelWithoutWindow(ctx, known, sent, NO_WINDOW));
      continue;
    }
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

/** `calendar.siteOwner`: the owner's event, or its CANCEL once the site is rolled back, removed or without a window. */
export function siteOwnerCalendar(ctx: ServiceContext, { siteId }: ApiParsedInput<'calendar.siteOwner'>): CalendarFile {
  const [site] = loadCalendarSites(ctx, { siteId });
  if (!site) {
    // Removed from the plan: cancel what was sent to the owner, if anything.
    const sent = knownEventsOfSite(ctx, siteId).filter((r) => r.audience === 'owner');
    if (sent.length === 0) throw notFound('Site', siteId);
    const known = new Map(sent.map((r) => [r.uid, r]));
    return file(
      ctx,
      'Site cancelled',
      ['site', siteId, 'cancel'],
      'CANCEL',
      sent.map((r) => cancelWithoutWindow(ctx, known, r, REMOVED)),
    );
  }
  const known = knownEvents(ctx, ownerEventUid(siteId));
  if (!hasWindow(site)) {
    const sent = known.get(ownerEventUid(siteId));
    if (!sent) throw nothingToExport(`${site.code} has no window yet: nothing to put in a calendar`);
    return file(ctx, `${site.code} cancelled`, [site.deploymentName, site.code, 'cancel'], 'CANCEL', [
      cancelWithoutWindow(ctx, known, sent, NO_WINDOW),
    ]);
  }
  const content = siteEventContent(site, 'owner');
  const cancelled = isCancelled(site);
  if (cancelled && !known.has(content.uid))
    throw nothingToExport(`${site.code} was rolled back before its owner was sent a calendar file: nothing to cancel`);
  const event = { content, cancelled, sequence: sequenceEvent(ctx, known, content, cancelled).sequence };
  const parts = [site.deploymentName, site.code];
  return cancelled
    ? file(ctx, `${site.code} cancelled`, [...parts, 'cancel'], 'CANCEL', [event])
    : file(ctx, `${site.deploymentName}: ${site.code}`, [...parts, 'owner'], 'PUBLISH', [event]);
}

/** `calendar.deployment`: every window of the deployment, and cancellations of rolled-back and removed sites sent before. */
export function deploymentCalendar(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'calendar.deployment'>): CalendarFile {
  const deployment = ctx.db
    .select({ name: deployments.name, version: deployments.version })
    .from(deployments)
    .where(eq(deployments.id, deploymentId))
    .get();
  if (!deployment) throw notFound('Deployment', deploymentId);
  const list = loadCalendarSites(ctx, { deploymentId });
  const prefix = teamEventUidPrefix(deploymentId);
  const known = knownEvents(ctx, prefix);
  const events = teamEvents(ctx, list, known);
  const present = new Set(list.map((s) => s.siteId));
  for (const row of known.values()) {
    // Exactly this deployment's UID of the row's site (a prefix alone could match a longer deployment id).
    if (present.has(row.siteId) || row.uid !== teamEventUid(deploymentId, row.siteId)) continue;
    events.push(cancelWithoutWindow(ctx, known, row, REMOVED));
  }
  if (events.length === 0) throw nothingToExport(`No site of ${deployment.name} has a window yet: nothing to put in a calendar`);
  return file(ctx, `${deployment.name} ${deployment.version}`.trim(), [deployment.name, deployment.version, 'schedule'], 'PUBLISH', events);
}

const norm = (name: string) => name.trim().toLocaleLowerCase();

/** `calendar.technician`: one person's windows across deployments, matched by user id or by name. */
export function technicianCalendar(ctx: ServiceContext, input: ApiParsedInput<'calendar.technician'>): CalendarFile {
  const own = myNames(ctx);
  const asked = input.name !== undefined || input.userId !== undefined;
  if (
    asked &&
    !isManagerRole(getProfile(ctx.db)?.role) &&
    !(input.userId === undefined && own.some((n) => norm(n) === norm(input.name!)))
  ) {
    throw new DomainError('forbidden', "Only a release manager or an administrator may export another technician's calendar");
  }
  const names = new Set((asked ? (input.name ? [input.name] : []) : own).map(norm));
  const userId = input.userId?.toLowerCase();
  const isTheirs = (list: readonly SiteTechnician[]) =>
    list.some((t) => (userId !== undefined && t.id === userId) || names.has(norm(t.name)));
  const list = loadCalendarSites(ctx, {}).filter((s) => isTheirs(s.technicians));
  const who =
    input.name ??
    list.flatMap((s) => s.technicians).find((t) => userId !== undefined && t.id === userId)?.name ??
    input.userId ??
    own[0] ??
    'me';
  if (list.length === 0) throw new DomainError('not_found', `No site on this device names ${who} as technician`);
  const uids = list.map((s) => teamEventUid(s.deploymentId, s.siteId));
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
