import {
  SITE_REPORT_FORMAT,
  SITE_REPORT_FORMAT_VERSION,
  siteReportFileSchema,
  type SiteReportFile,
} from '../../shared/site-report/file-format';
import type { ReportProblem } from '../../shared/contract/site-report-methods';

export type ReadOutcome = { file: SiteReportFile } | { file: null; problem: ReportProblem };

const fail = (code: string, message: string): ReadOutcome => ({ file: null, problem: { code, message } });

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  return sample.includes(0);
}

/** Reads the bytes as a site report file: JSON, the format and version, then the shape. Never throws. */
export function readSiteReportFile(bytes: Buffer): ReadOutcome {
  if (bytes.length === 0) return fail('format', 'The file is empty');
  if (looksBinary(bytes)) return fail('format', 'The file is not a site report: it is binary, not JSON');
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(message);
    return fail('format', truncated ? `The file is cut short (truncated JSON: ${message})` : `The file is not JSON (${message})`);
  }
  const manifest = (value as { manifest?: { format?: unknown; formatVersion?: unknown } } | null)?.manifest;
  if (typeof value !== 'object' || value === null || manifest?.format !== SITE_REPORT_FORMAT) {
    return fail('format', `The file is JSON but not an Outpost site report (no manifest with format "${SITE_REPORT_FORMAT}")`);
  }
  if (manifest.formatVersion !== SITE_REPORT_FORMAT_VERSION) {
    return fail(
      'format',
      `Site report format version ${String(manifest.formatVersion)} is not supported (this version of Outpost reads version ${SITE_REPORT_FORMAT_VERSION})`,
    );
  }
  const parsed = siteReportFileSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`);
    return fail('format', `The site report file is malformed (${first.join('; ')})`);
  }
  return { file: parsed.data };
}
