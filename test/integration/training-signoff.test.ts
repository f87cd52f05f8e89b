import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySheet } from '../../core/signoff/verify-sheet';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { openSampleCore, tempDataDir, type TestCore } from '../support/temp-core';

// Training on the site sign-off sheet (issue #16 part 3): the signed review carries each session
// with its attendance, the PDF prints it (read back with pdftotext), the site report lists it, and
// a sheet signed before the training was recorded stays VALID (and shows "changed since sign-off").

let core: TestCore;
let siteId: string;
const dir = tempDataDir('outpost-training-signoff');

async function exportPdf(sheetId: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const result = core.call('signoff.exportPdf', { sheetId });
    if (result.status === 'ready') {
      const file = path.join(dir, result.fileName);
      fs.writeFileSync(file, Buffer.from(result.base64, 'base64'));
      return file;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the PDF was not rendered');
}

beforeAll(() => {
  const opened = openSampleCore();
  core = opened.core;
  // The sample's first site has no training session of its own.
  siteId = opened.site.id;
  expect(core.call('training.list', { siteId })).toEqual([]);
});
afterAll(() => core.close());

describe('training on the site sign-off sheet', () => {
  let before: string;

  it('a sheet signed before any training has no training part and stays VALID once training is recorded', () => {
    before = signSite(core, siteId, { decision: 'accepted_with_exceptions' }).sheet.id;
    const sheet = core.call('signoff.get', { sheetId: before });
    expect(sheet.content.review.training).toBeUndefined();
    const session = core.call('training.createSession', {
      siteId,
      topic: 'Tills: daily close and refunds',
      trainer: 'Alex Morgan',
      startsAt: '2026-11-23T14:00:00+01:00',
      durationMinutes: 90,
    });
    core.call('training.addAttendee', {
      sessionId: session.id,
      name: 'Ana Owner',
      role: 'Store manager',
      signaturePngBase64: signaturePng(4),
    });
    core.call('training.addAttendee', { sessionId: session.id, name: 'Bo Berg', role: 'Cashier', signaturePngBase64: signaturePng(5) });
    core.call('training.addAttendee', { sessionId: session.id, name: 'Cy Dahl', role: 'Cashier, evenings', signaturePngBase64: null });
    expect(verifySheet(core.call('signoff.get', { sheetId: before }))).toMatchObject({ valid: true });
    expect(core.call('signoff.review', { siteId, kind: 'site_complete' }).changedSinceSignOff).toBe(true);
    // The core sheet does not cover training: unchanged.
    expect(core.call('signoff.review', { siteId, kind: 'core_components' }).review.training).toBeUndefined();
  });

  it('a new sheet signs the session and its attendance; the PDF prints them (two signed, one absent)', async () => {
    const signed = signSite(core, siteId, { decision: 'accepted_with_exceptions' });
    const sheet = core.call('signoff.get', { sheetId: signed.sheet.id });
    expect(verifySheet(sheet)).toMatchObject({ valid: true });
    const training = sheet.content.review.training!;
    expect(training).toHaveLength(1);
    expect(training[0]).toMatchObject({
      topic: 'Tills: daily close and refunds',
      trainer: 'Alex Morgan',
      startsAt: '2026-11-23T13:00:00.000Z',
      durationMinutes: 90,
      materials: [],
    });
    expect(training[0]!.attendees.map((a) => [a.position, a.name, a.attendance, a.signatureSha256 !== null])).toEqual([
      [1, 'Ana Owner', 'signed', true],
      [2, 'Bo Berg', 'signed', true],
      [3, 'Cy Dahl', 'absent', false],
    ]);
    const text = execFileSync('pdftotext', ['-layout', await exportPdf(signed.sheet.id), '-'], { encoding: 'utf8' });
    expect(text).toContain('Training and attendance (1 session)');
    expect(text).toContain('Tills: daily close and refunds');
    expect(text).toContain('2 signed, 1 absent');
    expect(text).toMatch(/Ana Owner\s+Store manager\s+Signed \(signature [0-9a-f]{12}\)/);
    expect(text).toMatch(/Bo Berg\s+Cashier\s+Signed \(signature [0-9a-f]{12}\)/);
    expect(text).toMatch(/Cy Dahl\s+Cashier, evenings\s+Absent/);
    // The older sheet is still valid, and so is its PDF's embedded sheet.
    expect(verifySheet(core.call('signoff.get', { sheetId: before }))).toMatchObject({ valid: true });
  });

  it('the site report lists the session with its attendance and the signatures as attachments', () => {
    const report = core.call('siteReports.get', { siteId });
    expect(report.training.map((s) => [s.topic, s.attendees.map((a) => `${a.name}: ${a.attendance}`)])).toEqual([
      ['Tills: daily close and refunds', ['Ana Owner: signed', 'Bo Berg: signed', 'Cy Dahl: absent']],
    ]);
    const signatures = report.training[0]!.attendees.flatMap((a) => (a.signatureSha256 ? [a.signatureSha256] : []));
    for (const sha of signatures)
      expect(report.attachments.find((x) => x.sha256 === sha)).toMatchObject({
        usedBy: [expect.stringContaining('Training signature')],
        intact: true,
      });
  });
});
