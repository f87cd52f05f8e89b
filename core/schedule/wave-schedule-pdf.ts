import { rgb } from '@cantoo/pdf-lib';
import { formatOffset, offsetMinutesAt, siteWindowText, wallTimeAtOffset } from '../../shared/time/zone-offset';
import { PdfWriter } from '../signoff/pdf/pdf-writer';
import type { WaveSchedule } from './wave-schedule';

const GREY = rgb(0.4, 0.4, 0.4);

/** A wave bound in UTC, and in the site zone when every site of the wave shares one. */
function waveBound(iso: string | null, zone: string | null): string {
  if (!iso) return 'open';
  const ms = Date.parse(iso);
  if (!zone) return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  const offset = offsetMinutesAt(ms, zone);
  return `${wallTimeAtOffset(ms, offset)} ${formatOffset(offset)} (${zone})`;
}

function ownerContact(site: WaveSchedule['sites'][number]): string {
  return [site.ownerName, site.ownerEmail, site.ownerPhone].filter((p) => p.trim() !== '').join(', ') || '-';
}

/** The printable schedule of one wave: A4, the app's embedded Unicode fonts, "Page n of m". */
export async function renderWaveSchedulePdf(s: WaveSchedule): Promise<Uint8Array> {
  const w = await PdfWriter.create();
  w.doc.setTitle(`Schedule: ${s.deploymentName}, ${s.waveName}`);
  w.doc.setCreator('Outpost');
  w.doc.setCreationDate(new Date(s.generatedAt));
  const zones = new Set(s.sites.map((site) => site.timeZone));
  const oneZone = zones.size === 1 ? [...zones][0]! : null;
  w.heading(`Schedule: ${s.deploymentName} · ${s.waveName}`, 16);
  w.paragraph(
    `Wave from ${waveBound(s.startsAt, oneZone)} to ${waveBound(s.endsAt, oneZone)} · ${s.sites.length} site${s.sites.length === 1 ? '' : 's'} · generated ${s.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    9,
    { color: GREY },
  );
  w.paragraph("Windows are in each site's own time, with its UTC offset.", 9, { color: GREY });
  w.table(
    [
      { title: 'Code', width: 0.1 },
      { title: 'Name', width: 0.14 },
      { title: 'Window (site time)', width: 0.3 },
      { title: 'Technicians', width: 0.15 },
      { title: 'Site owner', width: 0.2 },
      { title: 'Status', width: 0.11 },
    ],
    s.sites.map((site) => [
      site.code,
      site.name,
      `${siteWindowText(site.windowStart, site.windowEnd, site.timeZone)} ${site.timeZone}`,
      site.technicians.map((t) => t.name).join(', ') || '-',
      ownerContact(site),
      site.status.replace(/_/g, ' '),
    ]),
  );
  w.heading(`Schedule warnings (${s.warnings.length})`, 12);
  if (s.warnings.length === 0) w.paragraph('None.', 9, { color: GREY });
  for (const warning of s.warnings) w.paragraph(`${warning.siteCode}: ${warning.message}`, 8);
  w.footers(`Outpost schedule · ${s.deploymentName} · ${s.waveName} · ${s.generatedAt.slice(0, 10)}`);
  return w.doc.save();
}
