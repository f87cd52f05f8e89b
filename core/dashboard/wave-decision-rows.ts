import { decisionFiguresSchema, type WaveDecisionRecord } from '../../shared/contract/dashboard-methods';
import type { DecisionRow } from './dashboard-sql';

/** A stored decision as the API shows it; figures that no longer parse (a newer device wrote them) are left out. */
export function decisionRecord(row: DecisionRow): WaveDecisionRecord {
  let figures: WaveDecisionRecord['figures'] = {};
  try {
    const parsed = decisionFiguresSchema.partial().safeParse(JSON.parse(row.figures));
    if (parsed.success) figures = parsed.data;
  } catch {
    figures = {};
  }
  return {
    id: row.id,
    waveId: row.waveId,
    decision: row.decision,
    note: row.note,
    figures,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedBy,
  };
}
