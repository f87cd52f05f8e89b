import type { TrainingSession } from '../../shared/domain/training';
import { csvText, type CsvCell } from '../closeout/csv-cells';

export const ATTENDANCE_COLUMNS = [
  'Site code',
  'Session start (UTC)',
  'Topic',
  'Trainer',
  'Duration (minutes)',
  'No.',
  'Name',
  'Role',
  'Attendance',
  'Signature SHA-256',
  'Recorded (UTC)',
  'Recorded by',
] as const;

/** The attendance lists as CSV (RFC 4180, formula-safe cells): one row per attendee, sessions oldest first. */
export function attendanceCsv(siteCode: string, sessions: readonly TrainingSession[]): string {
  const rows: CsvCell[][] = [[...ATTENDANCE_COLUMNS]];
  for (const s of sessions) {
    for (const a of s.attendees) {
      rows.push([
        siteCode,
        s.startsAt,
        s.topic,
        s.trainer,
        s.durationMinutes,
        a.position,
        a.name,
        a.role,
        a.attendance,
        a.signatureSha256,
        a.recordedAt,
        a.recordedBy,
      ]);
    }
  }
  return csvText(rows);
}
