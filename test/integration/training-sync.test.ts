import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTENDANCE_COLUMNS } from '../../core/training/attendance-csv';
import type { TrainingSession } from '../../shared/domain/training';
import { startTestServer, type TestServer } from '../support/central-server';
import { signaturePng } from '../support/signoff-fixtures';
import type { TestCore } from '../support/temp-core';
import { managerCore, previewText } from './site-report-fixture';
import { assignUser, openDevice, type Device } from './sync-client-fixture';

// Training and hand-over (issue #16 part 3): a technician records a session with an attendance list
// (two drawn signatures, one absent) and a handout; it syncs to the central server and the release
// manager sees it; the site report file carries it to a manager off the network; the CSV parses back.

const PASSWORD = 'correct horse battery';
let server: TestServer;
let rm: Device & { deploymentId?: string };
let tech: Device;
let siteId: string;
let session: TrainingSession;

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
  await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
  rm = openDevice({ sample: true });
  tech = openDevice();
  await rm.signIn(server.url, 'rita', PASSWORD);
  const users = await rm.core.callAsync('sync.serverUsers', {});
  siteId = assignUser(rm, rm.deploymentId!, 'Alex Morgan', users[0]!)[0]!;
  rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
  expect(await rm.sync()).toEqual({ ok: true });
  await tech.signIn(server.url, 'alex', PASSWORD);
  expect(await tech.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] })).toEqual({ ok: true });
}, 180_000);

afterAll(async () => {
  rm?.close();
  tech?.close();
  await server?.stop();
});

describe('training sessions and attendance', () => {
  it('records a session with two signatures, one absent and a handout; refuses a duplicate name and a bad duration', () => {
    const created = tech.core.call('training.createSession', {
      siteId,
      topic: 'POS tills: daily close, =SUM tricks',
      trainer: 'Alex Morgan',
      startsAt: '2026-11-23T14:00:00+01:00',
      durationMinutes: 90,
    });
    expect(created).toMatchObject({ siteId, startsAt: '2026-11-23T13:00:00.000Z', durationMinutes: 90, attendees: [], materials: [] });
    const ana = tech.core.call('training.addAttendee', {
      sessionId: created.id,
      name: 'Ana Owner',
      role: 'Store manager',
      signaturePngBase64: signaturePng(4),
    });
    tech.core.call('training.addAttendee', {
      sessionId: created.id,
      name: 'Bo "Till" Berg',
      role: 'Cashier, evenings',
      signaturePngBase64: signaturePng(5),
    });
    tech.core.call('training.addAttendee', { sessionId: created.id, name: '-Cy Absent', role: 'Cashier', signaturePngBase64: null });
    expect(ana).toMatchObject({ position: 1, attendance: 'signed', signatureSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(
      tech.core.dispatch('training.addAttendee', { sessionId: created.id, name: 'ana owner', role: 'x', signaturePngBase64: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('already on this attendance list') },
    });
    expect(
      tech.core.dispatch('training.createSession', {
        siteId,
        topic: 'x',
        trainer: 'y',
        startsAt: '2026-11-23T14:00:00Z',
        durationMinutes: 0,
      }),
    ).toMatchObject({ ok: false });
    const handout = tech.core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(6) });
    tech.core.call('training.addMaterial', { sessionId: created.id, sha256: handout.sha256, name: 'Quick reference card' });
    // The attendance list is append-only in SQLite too.
    expect(() => tech.db.prepare('UPDATE training_attendees SET attendance = ? WHERE id = ?').run('absent', ana.id)).toThrow(/append-only/);
    session = tech.core.call('training.list', { siteId })[0]!;
    expect(session!.attendees.map((a) => [a.position, a.name, a.attendance])).toEqual([
      [1, 'Ana Owner', 'signed'],
      [2, 'Bo "Till" Berg', 'signed'],
      [3, '-Cy Absent', 'absent'],
    ]);
    expect(session!.materials).toEqual([expect.objectContaining({ name: 'Quick reference card', sha256: handout.sha256 })]);
  });

  it('syncs to the central server; the release manager sees the same sessions, signatures and handout', async () => {
    expect(await tech.sync()).toEqual({ ok: true });
    expect(tech.core.call('sync.status', {})).toMatchObject({ pendingOperations: 0, pendingAttachments: 0, conflicts: 0 });
    expect(await rm.sync()).toEqual({ ok: true });
    expect(rm.core.call('training.list', { siteId })).toEqual(tech.core.call('training.list', { siteId }));
    // The manager's site report lists the session with its attendance.
    expect(rm.core.call('siteReports.get', { siteId }).training).toEqual(tech.core.call('training.list', { siteId }));
    for (const a of session.attendees.filter((x) => x.signatureSha256)) {
      expect(rm.core.call('attachments.get', { sha256: a.signatureSha256! }).dataBase64).toBe(
        tech.core.call('attachments.get', { sha256: a.signatureSha256! }).dataBase64,
      );
    }
    expect(rm.core.call('attachments.get', { sha256: session.materials[0]!.sha256 }).dataBase64).toBe(signaturePng(6));
  });

  it('travels in the site report file: a manager off the network imports the session, the attendance list and the signatures', () => {
    const exported = tech.core.call('siteReports.exportFile', { siteId });
    const file = JSON.parse(exported.content) as { rows: { entity: string }[]; attachments: { sha256: string }[] };
    const counts = (entity: string) => file.rows.filter((r) => r.entity === entity).length;
    expect([counts('training_sessions'), counts('training_attendees'), counts('training_materials')]).toEqual([1, 3, 1]);
    const shas = file.attachments.map((a) => a.sha256);
    for (const a of session.attendees.filter((x) => x.signatureSha256)) expect(shas).toContain(a.signatureSha256);
    expect(shas).toContain(session.materials[0]!.sha256);
    const offline: TestCore = managerCore();
    try {
      const preview = previewText(offline, exported.fileName, exported.content);
      expect(preview.problems).toEqual([]);
      offline.call('siteReports.importFile', { previewId: preview.previewId, confirmFingerprint: preview.device!.fingerprint });
      expect(offline.call('training.list', { siteId })).toEqual(tech.core.call('training.list', { siteId }));
      expect(offline.call('attachments.get', { sha256: session.attendees[0]!.signatureSha256! }).dataBase64).toBe(signaturePng(4));
    } finally {
      offline.close();
    }
  });

  it('exports the attendance list as CSV (RFC 4180, formula-safe) that parses back to the same list', () => {
    const file = rm.core.call('training.exportAttendanceCsv', { siteId });
    expect(file).toMatchObject({ mediaType: 'text/csv', fileName: expect.stringMatching(/^attendance-.+\.csv$/) });
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Bo ""Till"" Berg","Cashier, evenings",signed');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...ATTENDANCE_COLUMNS]);
    const body = rows.slice(1).map((r) => Object.fromEntries(ATTENDANCE_COLUMNS.map((h, i) => [h, r[i]])));
    expect(body.map((r) => [r['No.'], r.Name, r.Role, r.Attendance, r['Signature SHA-256']])).toEqual(
      session.attendees.map((a) => [
        String(a.position),
        a.name === '-Cy Absent' ? "'-Cy Absent" : a.name,
        a.role,
        a.attendance,
        a.signatureSha256 ?? '',
      ]),
    );
    expect(
      body.every(
        (r) =>
          r.Topic === 'POS tills: daily close, =SUM tricks' &&
          r['Duration (minutes)'] === '90' &&
          r['Session start (UTC)'] === '2026-11-23T13:00:00.000Z',
      ),
    ).toBe(true);
  });
});
