import { createHash } from 'node:crypto';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { ServiceContext } from '../services/service-context';
import { deploymentScheduleWarnings, mySchedule } from './schedule-service';
import { buildWaveSchedule, waveScheduleFileName } from './wave-schedule';

/** The schedule methods: warnings of a deployment, My schedule, and a wave's printable schedule. */
export function createScheduleHandlers() {
  return {
    'schedule.warnings': (ctx: ServiceContext, { deploymentId }: ApiParsedInput<'schedule.warnings'>): ApiOutput<'schedule.warnings'> =>
      deploymentScheduleWarnings(ctx, deploymentId),
    'schedule.mine': mySchedule,
    'schedule.wavePdf': async (
      ctx: ServiceContext,
      { waveId }: ApiParsedInput<'schedule.wavePdf'>,
    ): Promise<ApiOutput<'schedule.wavePdf'>> => {
      // Read at once (one consistent view); pdf-lib loads on first use.
      const schedule = buildWaveSchedule(ctx, waveId);
      const { renderWaveSchedulePdf } = await import('./wave-schedule-pdf');
      const buffer = Buffer.from(await renderWaveSchedulePdf(schedule));
      return {
        fileName: waveScheduleFileName(schedule),
        mediaType: 'application/pdf',
        sha256: createHash('sha256').update(buffer).digest('hex'),
        base64: buffer.toString('base64'),
      };
    },
  };
}
