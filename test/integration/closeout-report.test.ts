import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../core/closeout/csv-cells';
import { clockedCoreForTest, saveReview, sign, smallDeployment, type ClockedCore } from './closeout-fixture';

let c: ClockedCore | undefined;

/** Two sites signed (one with an exception), one rolled back, 14 days of quiet period passed, milestone signed. */
function closedDeployment(core: ClockedCore) {
  const d = smallDeployment(core);
  const issue = core.call('issues.create', {
    siteId: d.ber.id,
    title: 'Rack power feed B dead',
    severity: 'high',
    category: 'facility',
    blocksSignOff: true,
  });
  core.call('issues.create', { siteId: d.ams.id, title: 'Label printer jammed', severity: 'low', category: 'hardware' });
  expect(sign(core, { siteId: d.ams.id })).toMatchObject({ ok: true });
  core.call('sites.rollback', { siteId: d.lis.id, reason: 'Vendor firmware bricked the switch' });
  expect(
    sign(core, {
      siteId: d.ber.id,
      decision: 'accepted_with_exceptions',
      exceptions: [{ issueId: issue.id, reason: 'Feed A carries the load' }],
    }),
  ).toMatchObject({ ok: true });
  core.advanceDays(15);
  saveReview(core, d.deploymentId);
  const milestone = sign(core, { kind: 'deployment_milestone', deploymentId: d.deploymentId });
  if (!milestone.ok) throw new Error(milestone.error.message);
  return { ...d, milestone: milestone.value.sheet };
}

describe('close-out report', () => {
  it('CSV: one row per site with RFC 4180 quoting and formula-safe cells, then the summary per wave and total with the milestone hash', () => {
    c = clockedCoreForTest();
    const d = closedDeployment(c);
    const file = c.call('closeout.exportCsv', { deploymentId: d.deploymentId });
    expect(file.fileName).toBe('closeout-Branch_refresh-2.1-2026-03-17.csv');
    expect(file.mediaType).toBe('text/csv');
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Quoting by hand: the comma-and-quotes name is quoted with doubled quotes; the formula gets an apostrophe.
    expect(text).toContain('AMS-001,"Amsterdam ""Zuid"", floor 2",Pilot,signed_off,signed off,');
    expect(text).toContain(`LIS-003,"'=HYPERLINK(""http://evil"")",Wave 1,rolled_back,rolled back (recorded),`);

    const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data.filter((r) => r.length > 1 || r[0] !== '');
    const width = rows[0]!.length;
    expect(rows.every((r) => r.length === width)).toBe(true);
    expect(rows[0]!.slice(0, 5)).toEqual(['Site code', 'Site name', 'Wave', 'Status', 'Close-out']);
    const site = (code: string) => Object.fromEntries(rows[0]!.map((h, i) => [h, rows.find((r) => r[0] === code)![i]]));
    expect(site('AMS-001')).toMatchObject({
      'Site name': 'Amsterdam "Zuid", floor 2',
      Status: 'signed_off',
      Schedule: 'onTime',
      'Open low': '1',
      'Open blocking': '0',
      Rollbacks: '0',
    });
    expect(site('BER-002')).toMatchObject({
      Wave: 'Wave 1',
      Status: 'signed_off',
      'Close-out': 'signed off',
      'Open high': '0',
      'Open blocking': '0',
    });
    expect(site('LIS-003')).toMatchObject({
      'Site name': `'=HYPERLINK("http://evil")`,
      Status: 'rolled_back',
      Rollbacks: '1',
      'Signed off': '',
    });

    const summary = rows.findIndex((r) => r[0] === 'Summary');
    expect(summary).toBe(5); // header, three sites, the blank separator line
    expect(rows[summary + 1]!.slice(0, 9)).toEqual([
      'Wave',
      'Sites',
      'Signed off',
      'Successful',
      'Rolled back',
      'Early',
      'On time',
      'Late',
      'Overdue',
    ]);
    expect(rows[summary + 2]!.slice(0, 5)).toEqual(['Pilot (pilot)', '1', '1', '1', '0']);
    expect(rows[summary + 3]!.slice(0, 5)).toEqual(['Wave 1', '2', '1', '1', '1']);
    expect(rows[summary + 4]!.slice(0, 5)).toEqual(['Total', '3', '2', '2', '1']);
    const measure = (name: string) => rows.find((r) => r[0] === name)?.[1];
    expect(measure('Ready to close')).toBe('yes');
    expect(measure('Issues low (total / open / open blocking)')).toBe('1 / 1 / 0');
    expect(measure('Issues high (total / open / open blocking)')).toBe('1 / 0 / 0');
    expect(measure('Milestone sheet')).toBe('Accepted');
    expect(measure('Milestone signer')).toBe('Rita Release (Release manager)');
    expect(measure('Milestone content SHA-256')).toBe(d.milestone.contentHash);
  });

  it('csvCell quotes per RFC 4180 and defuses = + - @ at the start of text', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', '=1+2', '+31 20', '-5', '@SUM(A1)', '\tx', 7, null].map(csvCell)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      "'=1+2",
      "'+31 20",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      '7',
      '',
    ]);
  });

  it('PDF: readiness, the measures per wave and total, every site, the milestone hash and signer, page numbers (read back with pdftotext)', async () => {
    c = clockedCoreForTest();
    const d = closedDeployment(c);
    // Enough sites that the site table breaks across pages.
    for (let i = 4; i <= 90; i++)
      c.call('sites.create', {
        deploymentId: d.deploymentId,
        waveId: d.wave1.id,
        code: `SITE-${String(i).padStart(3, '0')}`,
        name: `Branch ${i} Łódź`,
      });
    const file = await c.callAsync('closeout.exportPdf', { deploymentId: d.deploymentId });
    expect(file.fileName).toBe('closeout-Branch_refresh-2.1-2026-03-17.pdf');
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfPath = path.join(c.dataDir, file.fileName);
    fs.writeFileSync(pdfPath, bytes);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    if (process.env.OUTPOST_KEEP_PDF) fs.copyFileSync(pdfPath, process.env.OUTPOST_KEEP_PDF);
    const pages = text.split('\f').filter((p) => p.trim().length > 0);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(text).toContain('Close-out report: Branch refresh 2.1');
    expect(text).toContain('Readiness: not ready to close'); // the 87 new sites are not signed off
    expect(text).toMatch(/NOT MET: Every site signed off or rolled back\s+87 sites of 90 not signed off: SITE-004/);
    expect(text).toContain('Met: Quiet period of 14 days over');
    expect(text).toContain('Met: No open blocking issues');
    expect(text).toContain(d.milestone.contentHash);
    expect(text).toMatch(/Signer\s+Rita Release \(Release manager\)/);
    expect(text).toMatch(/Total\s+90\s+2\s+2\s+1\s/);
    expect(text).toMatch(/Pilot \(pilot\)\s+1\s+1\s+1\s+0/);
    expect(text).toContain('Sites (90)');
    expect(text).toContain('SITE-090');
    expect(text).toMatch(/Branch 90\s+Łódź/); // embedded Unicode fonts; the name may wrap in its column
    // The site table's header repeats on the page it continues on.
    const continued = pages.filter((p) => /Code\s+Name\s+Wave\s+Status\s+Close-out/.test(p));
    expect(continued.length).toBeGreaterThanOrEqual(2);
  });
});
