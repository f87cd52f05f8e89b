import type { SignedSheet } from '../../../shared/domain/signoff';
import type { PdfWriter } from './pdf-writer';
import { formatInZone } from './zoned-time';

/** Training and attendance (APQC 8.6.5.1): each session, then who signed and who was absent. */
export function trainingSection(w: PdfWriter, sheet: SignedSheet): void {
  const { review } = sheet.content;
  if (!review.training || !review.site) return;
  w.heading(`Training and attendance (${review.training.length} ${review.training.length === 1 ? 'session' : 'sessions'})`, 11);
  for (const s of review.training) {
    const signed = s.attendees.filter((a) => a.attendance === 'signed').length;
    w.fields([
      ['Topic', s.topic],
      ['Trainer', s.trainer],
      ['Start', formatInZone(s.startsAt, review.site.timeZone)],
      ['Duration', `${s.durationMinutes} minutes`],
      ['Attendance', `${signed} signed, ${s.attendees.length - signed} absent`],
      ['Materials', s.materials.map((m) => m.name).join(', ') || '-'],
    ]);
    w.y -= 4;
    w.table(
      [{ title: 'No.', width: 0.08 }, { title: 'Name', width: 0.3 }, { title: 'Role', width: 0.26 }, { title: 'Attendance', width: 0.36 }],
      s.attendees.map((a) => [String(a.position), a.name, a.role, a.signatureSha256 ? `Signed (signature ${a.signatureSha256.slice(0, 12)})` : 'Absent']),
    );
  }
}
