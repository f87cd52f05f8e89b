import type { SignedSheet } from '../../../shared/domain/signoff';
import type { PdfWriter } from './pdf-writer';
import { sheetText } from './sheet-text';
import { formatInZone } from './zoned-time';

/** Training and attendance (APQC 8.6.5.1): each session, then who signed and who was absent; in the sheet's language. */
export function trainingSection(w: PdfWriter, sheet: SignedSheet): void {
  const { review } = sheet.content;
  if (!review.training || !review.site) return;
  const t = sheetText(sheet);
  w.heading(t('training.heading', { count: review.training.length }), 11);
  for (const s of review.training) {
    const signed = s.attendees.filter((a) => a.attendance === 'signed').length;
    w.fields([
      [t('training.topic'), s.topic],
      [t('training.trainer'), s.trainer],
      [t('training.start'), formatInZone(s.startsAt, review.site.timeZone)],
      [t('training.duration'), t('training.durationMinutes', { n: s.durationMinutes })],
      [t('training.attendance'), t('training.attendanceSummary', { signed, absent: s.attendees.length - signed })],
      [t('training.materials'), s.materials.map((m) => m.name).join(', ') || '-'],
    ]);
    w.y -= 4;
    w.table(
      [
        { title: t('training.number'), width: 0.08 },
        { title: t('training.name'), width: 0.3 },
        { title: t('training.role'), width: 0.26 },
        { title: t('training.attendance'), width: 0.36 },
      ],
      s.attendees.map((a) => [
        String(a.position),
        a.name,
        a.role,
        a.signatureSha256 ? t('training.signedWithHash', { hash: a.signatureSha256.slice(0, 12) }) : t('training.absent'),
      ]),
    );
  }
}
