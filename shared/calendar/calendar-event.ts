import type { SiteTechnician } from '../domain/site-technician';
import type { SiteLanguage } from '../i18n/languages';
import { ownerText } from '../i18n/translator';

/**
 * What one calendar event says, before any iCalendar syntax: built from a site and its deployment,
 * for the site owner or for the deployment team (technicians, release managers). Pure, so the
 * text is tested without files and the content hash (core/calendar) covers exactly what is sent.
 */

/** Who the event is written for; one UID per site and audience. */
export type CalendarAudience = 'owner' | 'team';

export interface CalendarSiteFacts {
  siteId: string;
  code: string;
  name: string;
  address: string;
  timeZone: string;
  ownerName: string;
  ownerEmail: string;
  ownerPhone: string;
  /** ISO 8601 UTC instants. */
  windowStart: string;
  windowEnd: string;
  technicians: readonly SiteTechnician[];
  notes: string;
  waveName: string | null;
  deploymentId: string;
  deploymentName: string;
  deploymentVersion: string;
  deploymentDescription: string;
  /** "POS terminal (hardware, version 2.0)". */
  components: readonly string[];
  /** Titles of the site's "before" checklist items the owner prepares, in checklist order. */
  ownerPrepares: readonly string[];
  /** The site owner's language (shared/i18n/languages.ts `siteLanguage`): the owner's event is written in it. */
  language: SiteLanguage;
}

export interface CalendarEventContent {
  uid: string;
  siteId: string;
  audience: CalendarAudience;
  summary: string;
  description: string;
  location: string;
  timeZone: string;
  start: string;
  end: string;
  /** The owner's e-mail as attendee of the owner's event, when there is one. */
  attendee: { name: string; email: string } | null;
}

/** The owner's event of a site: stable for the site's lifetime, whatever is edited. */
export function ownerEventUid(siteId: string): string {
  return `site-${siteId}-owner@outpost`;
}

/**
 * The team's event of a site (deployment and technician calendars share it). The deployment is
 * in the UID so the cancellation of a removed site is still found by deployment.
 */
export function teamEventUid(deploymentId: string, siteId: string): string {
  return `deployment-${deploymentId}-site-${siteId}@outpost`;
}

/** The prefix of every team UID of a deployment. */
export function teamEventUidPrefix(deploymentId: string): string {
  return `deployment-${deploymentId}-site-`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function deploymentTitle(s: CalendarSiteFacts): string {
  return s.deploymentVersion.trim() === '' ? s.deploymentName : `${s.deploymentName} ${s.deploymentVersion}`;
}

function technicianLine(s: CalendarSiteFacts): string {
  // Outpost keeps no technician phone numbers; the owner's contact is the deployment team.
  return s.technicians.length === 0 ? 'Technicians: not assigned yet' : `Technicians: ${s.technicians.map((t) => t.name).join(', ')}`;
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['', title, ...lines.map((l) => `- ${l}`)];
}

/** The owner's text, in the owner's language (the team's stays English, the technicians' language). */
function ownerDescription(s: CalendarSiteFacts): string {
  const t = ownerText(s.language);
  const lines = [t('calendar.intro', { deployment: deploymentTitle(s), code: s.code, name: s.name })];
  if (s.deploymentDescription.trim() !== '') lines.push('', t('calendar.whatWillHappen'), s.deploymentDescription.trim());
  lines.push(...section(t('calendar.installed'), s.components));
  lines.push(...section(t('calendar.prepare'), s.ownerPrepares));
  const names = s.technicians.map((x) => x.name).join(', ');
  lines.push('', names === '' ? t('calendar.techniciansNone') : t('calendar.technicians', { names }));
  if (s.notes.trim() !== '') lines.push('', t('calendar.notes'), s.notes.trim());
  return lines.join('\n');
}

function teamDescription(s: CalendarSiteFacts): string {
  const lines = [`${deploymentTitle(s)} at ${s.code} ${s.name}${s.waveName ? ` (${s.waveName})` : ''}.`, '', technicianLine(s)];
  const contact = [s.ownerName, s.ownerPhone, s.ownerEmail].map((p) => p.trim()).filter((p) => p !== '');
  lines.push(`Site owner: ${contact.length === 0 ? 'not recorded' : contact.join(', ')}`);
  lines.push(...section('The owner prepares:', s.ownerPrepares));
  lines.push(...section('Components:', s.components));
  if (s.notes.trim() !== '') lines.push('', 'Notes:', s.notes.trim());
  return lines.join('\n');
}

/** The event of a site's window for one audience. */
export function siteEventContent(s: CalendarSiteFacts, audience: CalendarAudience): CalendarEventContent {
  const email = s.ownerEmail.trim();
  return {
    uid: audience === 'owner' ? ownerEventUid(s.siteId) : teamEventUid(s.deploymentId, s.siteId),
    siteId: s.siteId,
    audience,
    summary: `${deploymentTitle(s)}: ${s.code} ${s.name}`,
    description: audience === 'owner' ? ownerDescription(s) : teamDescription(s),
    location: s.address.trim(),
    timeZone: s.timeZone,
    start: s.windowStart,
    end: s.windowEnd,
    attendee: audience === 'owner' && EMAIL.test(email) ? { name: s.ownerName.trim() || email, email } : null,
  };
}

/**
 * The text the content hash is taken of: every property the event carries except DTSTAMP and
 * SEQUENCE, so SEQUENCE moves exactly when what the recipient sees changes.
 */
export function eventContentKey(e: CalendarEventContent, cancelled: boolean): string {
  return JSON.stringify([e.uid, e.summary, e.description, e.location, e.timeZone, e.start, e.end, e.attendee, cancelled]);
}

/** "rollout-pos-3-1-ams-001-owner.ics": safe on every file system. */
export function calendarFileName(...parts: readonly string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${(slug || 'calendar').slice(0, 100)}.ics`;
}
