import { createHash } from 'node:crypto';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { ServiceContext } from '../services/service-context';
import { requireSite } from '../services/site-service';
import { attendanceCsv } from './attendance-csv';
import { addTrainingAttendee, addTrainingMaterial, createTrainingSession, listTraining } from './training-service';

/** The training methods; the attendee's signature is stored as an attachment in the data directory. */
export function createTrainingHandlers(dataDir: string) {
  return {
    'training.list': listTraining,
    'training.createSession': createTrainingSession,
    'training.addAttendee': (ctx: ServiceContext, input: ApiParsedInput<'training.addAttendee'>) =>
      addTrainingAttendee(ctx, dataDir, input),
    'training.addMaterial': addTrainingMaterial,
    'training.exportAttendanceCsv': (
      ctx: ServiceContext,
      { siteId }: ApiParsedInput<'training.exportAttendanceCsv'>,
    ): ApiOutput<'training.exportAttendanceCsv'> => {
      const site = requireSite(ctx, siteId);
      // UTF-8 with a BOM so spreadsheet programs read accented names correctly.
      const buffer = Buffer.from(`\uFEFF${attendanceCsv(site.code, listTraining(ctx, { siteId }))}`, 'utf8');
      return {
        fileName: `attendance-${site.code.replace(/[^A-Za-z0-9._-]+/g, '_')}.csv`,
        mediaType: 'text/csv',
        sha256: createHash('sha256').update(buffer).digest('hex'),
        base64: buffer.toString('base64'),
      };
    },
  };
}
