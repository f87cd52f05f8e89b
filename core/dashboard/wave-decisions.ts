import type { ApiParsedInput } from '../../shared/contract';
import { decisionFiguresBefore, type WaveDecisionRecord } from '../../shared/contract/dashboard-methods';
import { DomainError, notFound } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { getDashboard } from './dashboard-service';

/**
 * `waves.decide`: records a go / no-go on a wave with the figures of the earlier waves at this
 * moment. Open blocking issues do not refuse it: the manager sees them and decides. Append-only;
 * a later decision supersedes an earlier one.
 */
export function decideWave(ctx: ServiceContext, { waveId, decision, note }: ApiParsedInput<'waves.decide'>): WaveDecisionRecord {
  const wave = ctx.sqlite.prepare('SELECT id, deployment_id AS deploymentId, name, sequence FROM waves WHERE id = ?').get(waveId) as
    { id: string; deploymentId: string; name: string; sequence: number } | undefined;
  if (!wave) throw notFound('Wave', waveId);
  if (decision === 'no_go' && note.trim().length === 0)
    throw new DomainError('validation', 'A no-go decision needs a note', [{ path: 'note', message: 'A no-go decision needs a note' }]);
  const figures = decisionFiguresBefore(getDashboard(ctx, { deploymentId: wave.deploymentId }).waves, wave.sequence);
  const at = ctx.clock.now();
  const record: WaveDecisionRecord = { id: ctx.newId(), waveId, decision, note, figures, decidedAt: at, decidedBy: ctx.actor() };
  ctx.sqlite
    .prepare(
      'INSERT INTO wave_decisions (id, wave_id, deployment_id, decision, note, figures, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(record.id, waveId, wave.deploymentId, decision, note, JSON.stringify(figures), at, record.decidedBy);
  recordActivity(
    ctx,
    {
      action: 'decided',
      entity: 'wave',
      entityId: waveId,
      detail: { deploymentId: wave.deploymentId, wave: wave.name, decision, note, figures },
    },
    at,
  );
  return record;
}
