import { createHash } from 'node:crypto';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { ServiceContext } from '../services/service-context';
import { closeoutCsv } from './closeout-csv';
import { buildCloseoutReport, reportFileName } from './closeout-report';
import { closeoutStatus } from './closeout-status';

const file = (fileName: string, mediaType: string, bytes: Uint8Array) => {
  const buffer = Buffer.from(bytes);
  return { fileName, mediaType, sha256: createHash('sha256').update(buffer).digest('hex'), base64: buffer.toString('base64') };
};

/** The close-out methods: readiness, and the report as CSV and PDF (returned as base64 for the renderer to save). */
export function createCloseoutHandlers() {
  return {
    'closeout.status': (ctx: ServiceContext, { deploymentId }: ApiParsedInput<'closeout.status'>): ApiOutput<'closeout.status'> =>
      closeoutStatus(ctx, deploymentId),
    'closeout.exportCsv': (
      ctx: ServiceContext,
      { deploymentId }: ApiParsedInput<'closeout.exportCsv'>,
    ): ApiOutput<'closeout.exportCsv'> => {
      const report = buildCloseoutReport(ctx, deploymentId);
      // UTF-8 with a BOM so spreadsheet programs read accented site names correctly.
      return file(reportFileName(report, 'csv'), 'text/csv', Buffer.from(`\uFEFF${closeoutCsv(report)}`, 'utf8'));
    },
    'closeout.exportPdf': async (
      ctx: ServiceContext,
      { deploymentId }: ApiParsedInput<'closeout.exportPdf'>,
    ): Promise<ApiOutput<'closeout.exportPdf'>> => {
      // The figures are read at once (synchronously, one consistent view); pdf-lib loads on first use.
      const report = buildCloseoutReport(ctx, deploymentId);
      const { renderCloseoutPdf } = await import('./pdf/closeout-pdf');
      return file(reportFileName(report, 'pdf'), 'application/pdf', await renderCloseoutPdf(report));
    },
  };
}
