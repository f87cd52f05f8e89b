import { describe, expect, it } from 'vitest';
import { siteReportFileName } from './file-format';

describe('siteReportFileName', () => {
  it('is the site code and the UTC export minute', () => {
    expect(siteReportFileName('AMS-001', '2026-11-24T09:05:59.123Z')).toBe('AMS-001-20261124-0905.outpost-report');
  });
  it('keeps only file-name-safe characters of the code', () => {
    expect(siteReportFileName('../Zürich 1/a', '2026-01-02T03:04:00.000Z')).toBe('Z_rich_1_a-20260102-0304.outpost-report');
    expect(siteReportFileName('...', '2026-01-02T03:04:00.000Z')).toBe('site-20260102-0304.outpost-report');
  });
});
