import type { SiteStatus } from '../domain/enums';
import type { SiteTechnician } from '../domain/site-technician';
import { formatOffset, offsetChangeWithin, offsetMinutesAt, wallTimeAtOffset } from '../time/zone-offset';

/**
 * Schedule checks (issue #11, part 5): warnings, never blocks, for the plan, the deployment
 * overview, the printed wave schedule and the site import preview. One rule set, here.
 *
 * Windows and wave spans are UTC ISO instants (entered in site time). Sites whose work is settled
 * (signed off, rolled back) get no warnings and do not count for overlaps: their windows are
 * history or cancelled.
 */
export interface ScheduledSite {
  id: string;
  code: string;
  name: string;
  deploymentId: string;
  deploymentName: string;
  waveId: string | null;
  timeZone: string;
  windowStart: string | null;
  windowEnd: string | null;
  technicians: readonly SiteTechnician[];
  ownerName: string;
  ownerEmail: string;
  ownerPhone: string;
  status: SiteStatus;
}

export interface ScheduledWave {
  id: string;
  name: string;
  startsAt: string | null;
  endsAt: string | null;
}

export type ScheduleWarningKind = 'technician_overlap' | 'outside_wave' | 'crosses_dst' | 'no_technician' | 'no_owner_contact';

export interface ScheduleWarning {
  kind: ScheduleWarningKind;
  siteId: string;
  siteCode: string;
  deploymentId: string;
  message: string;
  otherSiteId?: string;
}

export const SETTLED_SITE_STATUSES: ReadonlySet<SiteStatus> = new Set<SiteStatus>(['signed_off', 'rolled_back']);

/** The order warnings are listed in for one site. */
const KIND_ORDER: Record<ScheduleWarningKind, number> = {
  technician_overlap: 0,
  outside_wave: 1,
  crosses_dst: 2,
  no_technician: 3,
  no_owner_contact: 4,
};

function msOf(iso: string | null): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

/** "2026-03-29 10:00 +02:00": a moment as site wall time with its offset. */
function siteTime(ms: number, zone: string): string {
  const offset = offsetMinutesAt(ms, zone);
  return `${wallTimeAtOffset(ms, offset)} ${formatOffset(offset)}`;
}

function siteLabel(site: ScheduledSite): string {
  return `${site.code} ${site.name} (${site.deploymentName})`;
}

/** The key that makes two technician entries the same person: the user id, else the name as typed. */
function technicianKey(t: SiteTechnician): string {
  return t.id ? `id:${t.id.toLowerCase()}` : `name:${t.name.trim().toLowerCase()}`;
}

interface Slot {
  site: ScheduledSite;
  start: number;
  end: number;
  technician: string;
}

/** "AMS-001 Amsterdam (Rollout A) from … to …", made once per site however many overlaps name it. */
function slotLabel(slot: Slot, labels: Map<ScheduledSite, string>): string {
  let label = labels.get(slot.site);
  if (label === undefined) {
    const zone = slot.site.timeZone;
    label = `${siteLabel(slot.site)} from ${siteTime(slot.start, zone)} to ${siteTime(slot.end, zone)}`;
    labels.set(slot.site, label);
  }
  return label;
}

/**
 * Overlaps per technician: sites sorted by window start, swept with the set of windows still open.
 * Costs O(n log n) per technician plus one step per overlapping pair found; touching windows
 * (one ends when the next starts) are not an overlap.
 */
function overlapWarnings(sites: readonly ScheduledSite[], wants: (id: string) => boolean, out: ScheduleWarning[]): void {
  const byTechnician = new Map<string, Slot[]>();
  for (const site of sites) {
    const start = msOf(site.windowStart);
    const end = msOf(site.windowEnd);
    if (!(end > start)) continue; // no full window, nothing to overlap
    const seen = new Set<string>();
    for (const t of site.technicians) {
      const key = technicianKey(t);
      if (seen.has(key)) continue;
      seen.add(key);
      let slots = byTechnician.get(key);
      if (!slots) byTechnician.set(key, (slots = []));
      slots.push({ site, start, end, technician: t.name });
    }
  }
  const labels = new Map<ScheduledSite, string>();
  const message = (a: Slot, b: Slot) => `${a.technician} is on ${slotLabel(a, labels)} and on ${slotLabel(b, labels)}: the windows overlap`;
  for (const slots of byTechnician.values()) {
    if (slots.length < 2) continue;
    slots.sort((a, b) => a.start - b.start || a.end - b.end);
    let open: Slot[] = [];
    for (const slot of slots) {
      open = open.filter((o) => o.end > slot.start);
      for (const other of open) {
        if (wants(slot.site.id))
          out.push({
            kind: 'technician_overlap',
            siteId: slot.site.id,
            siteCode: slot.site.code,
            deploymentId: slot.site.deploymentId,
            message: message(slot, other),
            otherSiteId: other.site.id,
          });
        if (wants(other.site.id))
          out.push({
            kind: 'technician_overlap',
            siteId: other.site.id,
            siteCode: other.site.code,
            deploymentId: other.site.deploymentId,
            message: message(other, slot),
            otherSiteId: slot.site.id,
          });
      }
      open.push(slot);
    }
  }
}

function outsideWave(site: ScheduledSite, wave: ScheduledWave): string | null {
  const start = msOf(site.windowStart);
  const end = msOf(site.windowEnd);
  const waveStart = msOf(wave.startsAt);
  const waveEnd = msOf(wave.endsAt);
  const early = !Number.isNaN(waveStart) && ((!Number.isNaN(start) && start < waveStart) || (!Number.isNaN(end) && end <= waveStart));
  const late = !Number.isNaN(waveEnd) && ((!Number.isNaN(end) && end > waveEnd) || (!Number.isNaN(start) && start >= waveEnd));
  if (!early && !late) return null;
  const zone = site.timeZone;
  const window = `${Number.isNaN(start) ? '…' : siteTime(start, zone)} to ${Number.isNaN(end) ? '…' : siteTime(end, zone)}`;
  const span = `${Number.isNaN(waveStart) ? '…' : siteTime(waveStart, zone)} to ${Number.isNaN(waveEnd) ? '…' : siteTime(waveEnd, zone)}`;
  return `The window of ${site.code} (${window}) is ${early ? 'before' : 'after'} the span of wave ${wave.name} (${span}, site time)`;
}

function crossesDst(site: ScheduledSite): string | null {
  const start = msOf(site.windowStart);
  const end = msOf(site.windowEnd);
  if (!(end > start)) return null;
  const change = offsetChangeWithin(start, end, site.timeZone);
  if (!change) return null;
  const from = formatOffset(change.fromMinutes);
  const to = formatOffset(change.toMinutes);
  const before = wallTimeAtOffset(change.atMs, change.fromMinutes);
  const after = wallTimeAtOffset(change.atMs, change.toMinutes).slice(11);
  return `The window of ${site.code} crosses a daylight saving change in ${site.timeZone}: ${from} → ${to} at ${before} site time (clocks go to ${after})`;
}

function hasOwnerContact(site: ScheduledSite): boolean {
  return site.ownerName.trim() !== '' && (site.ownerEmail.trim() !== '' || site.ownerPhone.trim() !== '');
}

/** Warnings (never blocks). `only` limits which sites get warnings (the others still count for overlaps). */
export function scheduleWarnings(
  sites: readonly ScheduledSite[],
  waves: readonly ScheduledWave[],
  only?: ReadonlySet<string>,
): ScheduleWarning[] {
  const active = sites.filter((s) => !SETTLED_SITE_STATUSES.has(s.status));
  const wants = (id: string) => !only || only.has(id);
  const waveById = new Map(waves.map((w) => [w.id, w]));
  const out: ScheduleWarning[] = [];
  overlapWarnings(active, wants, out);
  for (const site of active) {
    if (!wants(site.id)) continue;
    const base = { siteId: site.id, siteCode: site.code, deploymentId: site.deploymentId };
    const wave = site.waveId ? waveById.get(site.waveId) : undefined;
    const outside = wave ? outsideWave(site, wave) : null;
    if (outside) out.push({ kind: 'outside_wave', ...base, message: outside });
    const dst = crossesDst(site);
    if (dst) out.push({ kind: 'crosses_dst', ...base, message: dst });
    if (site.technicians.length === 0) out.push({ kind: 'no_technician', ...base, message: `${site.code} has no technician` });
    if (!hasOwnerContact(site)) {
      const what = site.ownerName.trim() === '' ? 'no site owner named' : 'no e-mail or phone for its site owner';
      out.push({ kind: 'no_owner_contact', ...base, message: `${site.code} has ${what}` });
    }
  }
  // One stable order: by site code, then kind, then message.
  return out.sort(
    (a, b) =>
      (a.siteCode < b.siteCode ? -1 : a.siteCode > b.siteCode ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
