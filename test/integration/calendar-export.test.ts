import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ApiInput, ApiMethod, ApiResult } from '../../shared/contract';
import { wallTimeToIso } from '../../shared/time/wall-time';
import { pythonIcalendarAvailable, readWithIcalJs, readWithPythonIcalendar } from '../support/ical-read';
import { openTestCore, tempDataDir } from '../support/temp-core';

const AMS = 'Europe/Amsterdam';
const NYC = 'America/New_York';
const at = (wall: string, zone: string) => wallTimeToIso(wall, zone)!;

/** A core on a real SQLite file with a clock the test moves; closed and removed afterwards. */
function calendarCore() {
  let now = Date.parse('2026-03-01T09:00:00.000Z');
  const c = openTestCore({ dataDir: tempDataDir('outpost-calendar'), profile: false, clock: { now: () => new Date(now).toISOString() } });
  onTestFinished(() => {
    c.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  });
  const result = <M extends ApiMethod>(method: M, input: ApiInput<M>) => c.core.dispatch(method, input) as ApiResult<unknown>;
  return { ...c, result, tick: () => (now += 60_000) };
}

/**
 * Rollout POS 3.1 with an owner-prepares item and one the technicians do: AMS-001 in Amsterdam on
 * the night of the spring change (last Sunday of March), NYC-002 in New York on the night of the
 * US change (second Sunday of March). Rollout B holds UTR-003, also Riley's.
 */
function twoDeployments(c: ReturnType<typeof calendarCore>) {
  c.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const a = c.call('deployments.create', {
    name: 'Rollout POS',
    version: '3.1',
    description: 'New till software and a receipt printer per till.',
    quietPeriodDays: 7,
  });
  const b = c.call('deployments.create', { name: 'Rollout B', version: '1', quietPeriodDays: 7 });
  c.call('components.create', { deploymentId: a.id, name: 'Till software', kind: 'software', targetVersion: '3.1' });
  c.call('checklistTemplate.saveItem', {
    deploymentId: a.id,
    phase: 'before',
    title: 'Clear the back office for the racks',
    ownerPrepares: true,
  });
  c.call('checklistTemplate.saveItem', { deploymentId: a.id, phase: 'before', title: 'Power on racks' });
  const ams = c.call('sites.create', {
    deploymentId: a.id,
    code: 'AMS-001',
    name: 'Store Amsterdam',
    address: 'Damrak 1, Amsterdam',
    timeZone: AMS,
    windowStart: at('2026-03-29T01:00', AMS),
    windowEnd: at('2026-03-29T05:00', AMS),
    technicians: ['Riley Field', 'Sam Other'],
    ownerName: 'Olive Owner',
    ownerEmail: 'olive@example.com',
    notes: 'Ring at the side door.',
    // Its owner reads English (an Amsterdam site would default to Dutch); site-language.test.ts covers the languages.
    language: 'en',
  });
  const nyc = c.call('sites.create', {
    deploymentId: a.id,
    code: 'NYC-002',
    name: 'Store New York',
    timeZone: NYC,
    windowStart: at('2026-03-08T01:00', NYC),
    windowEnd: at('2026-03-08T05:00', NYC),
    technicians: ['Riley Field'],
  });
  const utr = c.call('sites.create', {
    deploymentId: b.id,
    code: 'UTR-003',
    name: 'Store Utrecht',
    timeZone: AMS,
    windowStart: at('2026-04-02T09:00', AMS),
    windowEnd: at('2026-04-02T12:00', AMS),
    technicians: ['riley field'],
  });
  return { a, b, ams, nyc, utr };
}

describe('calendar files (.ics) on a real SQLite file, read back with ical.js and python icalendar', () => {
  it("the site owner's file: the window in Amsterdam time across the spring change, VTIMEZONE, what to prepare; UID and SEQUENCE stable until the window moves", () => {
    const c = calendarCore();
    const d = twoDeployments(c);
    const file = c.call('calendar.siteOwner', { siteId: d.ams.id });
    expect(file).toMatchObject({
      method: 'PUBLISH',
      eventCount: 1,
      cancelledCount: 0,
      mediaType: 'text/calendar',
      fileName: 'rollout-pos-ams-001-owner.ics',
    });
    const cal = readWithIcalJs(file.text);
    expect(cal.method).toBe('PUBLISH');
    expect(cal.zones[AMS]!.sort()).toEqual(['DAYLIGHT', 'STANDARD']);
    const [event] = cal.events;
    expect(event).toMatchObject({
      uid: `site-${d.ams.id}-owner@outpost`,
      sequence: 0,
      status: 'CONFIRMED',
      tzid: AMS,
      // 01:00 CET and 05:00 CEST: two wall hours apart, three real hours.
      startUtc: '2026-03-29T00:00:00.000Z',
      endUtc: '2026-03-29T03:00:00.000Z',
      summary: 'Rollout POS 3.1: AMS-001 Store Amsterdam',
      attendee: 'mailto:olive@example.com',
    });
    expect(file.text).toContain('DTSTART;TZID=Europe/Amsterdam:20260329T010000');
    expect(file.text).toContain('DTEND;TZID=Europe/Amsterdam:20260329T050000');
    for (const part of [
      'New till software',
      'Till software (software, version 3.1)',
      'Please prepare before the visit:',
      '- Clear the back office for the racks',
      'Technicians: Riley Field, Sam Other',
      'Ring at the side door.',
    ]) {
      expect(event!.description).toContain(part);
    }
    // The technicians' own item is not the owner's to prepare.
    expect(event!.description).not.toContain('Power on racks');

    // Nothing changed: same UID, same SEQUENCE (only DTSTAMP moves).
    c.tick();
    const again = readWithIcalJs(c.call('calendar.siteOwner', { siteId: d.ams.id }).text).events[0]!;
    expect([again.uid, again.sequence]).toEqual([event!.uid, 0]);

    // The window moves an hour: SEQUENCE 1, then stays 1.
    c.call('sites.update', { siteId: d.ams.id, windowStart: at('2026-03-29T04:00', AMS), windowEnd: at('2026-03-29T06:00', AMS) });
    const moved = readWithIcalJs(c.call('calendar.siteOwner', { siteId: d.ams.id }).text).events[0]!;
    expect(moved).toMatchObject({ uid: event!.uid, sequence: 1, startUtc: '2026-03-29T02:00:00.000Z', endUtc: '2026-03-29T04:00:00.000Z' });
    expect(readWithIcalJs(c.call('calendar.siteOwner', { siteId: d.ams.id }).text).events[0]!.sequence).toBe(1);

    // The window is cleared after it was sent: the owner gets a CANCEL, the team a cancelled event; both keep their SEQUENCE when sent again.
    const teamUid = `deployment-${d.a.id}-site-${d.ams.id}@outpost`;
    expect(
      readWithIcalJs(c.call('calendar.deployment', { deploymentId: d.a.id }).text).events.find((e) => e.uid === teamUid),
    ).toMatchObject({ sequence: 0, status: 'CONFIRMED' });
    c.call('sites.update', { siteId: d.ams.id, windowStart: null, windowEnd: null });
    for (let i = 0; i < 2; i += 1) {
      c.tick();
      expect(readWithIcalJs(c.call('calendar.siteOwner', { siteId: d.ams.id }).text)).toMatchObject({
        method: 'CANCEL',
        events: [{ uid: event!.uid, sequence: 2, status: 'CANCELLED' }],
      });
      expect(
        readWithIcalJs(c.call('calendar.deployment', { deploymentId: d.a.id }).text).events.find((e) => e.uid === teamUid),
      ).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    }

    // A technician may not export the owner's file.
    c.call('profile.set', { name: 'Riley Field', role: 'technician' });
    expect(c.result('calendar.siteOwner', { siteId: d.ams.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("the deployment's file: New York across the US change; CANCEL after a rollback and after a site is removed, with a higher SEQUENCE", () => {
    const c = calendarCore();
    const d = twoDeployments(c);
    const first = c.call('calendar.deployment', { deploymentId: d.a.id });
    expect(first).toMatchObject({ method: 'PUBLISH', eventCount: 2, cancelledCount: 0, fileName: 'rollout-pos-3.1-schedule.ics' });
    const cal = readWithIcalJs(first.text);
    expect(Object.keys(cal.zones).sort()).toEqual([NYC, AMS].sort());
    expect(cal.zones[NYC]!.sort()).toEqual(['DAYLIGHT', 'STANDARD']);
    const byUid = new Map(cal.events.map((e) => [e.uid, e]));
    const nycUid = `deployment-${d.a.id}-site-${d.nyc.id}@outpost`;
    const amsUid = `deployment-${d.a.id}-site-${d.ams.id}@outpost`;
    // 01:00 EST and 05:00 EDT.
    expect(byUid.get(nycUid)).toMatchObject({
      tzid: NYC,
      startUtc: '2026-03-08T06:00:00.000Z',
      endUtc: '2026-03-08T09:00:00.000Z',
      sequence: 0,
    });
    expect(byUid.get(amsUid)).toMatchObject({ tzid: AMS, startUtc: '2026-03-29T00:00:00.000Z', sequence: 0 });
    expect(byUid.get(amsUid)!.description).toContain('Site owner: Olive Owner, olive@example.com');

    // The owner of AMS-001 was sent the file; then the site is rolled back.
    c.call('calendar.siteOwner', { siteId: d.ams.id });
    c.call('sites.rollback', { siteId: d.ams.id, reason: 'Printer firmware bricks the tills' });
    const ownerCancel = c.call('calendar.siteOwner', { siteId: d.ams.id });
    expect(ownerCancel).toMatchObject({ method: 'CANCEL', eventCount: 1, cancelledCount: 1, fileName: 'rollout-pos-ams-001-cancel.ics' });
    expect(readWithIcalJs(ownerCancel.text)).toMatchObject({
      method: 'CANCEL',
      events: [{ uid: `site-${d.ams.id}-owner@outpost`, sequence: 1, status: 'CANCELLED', startUtc: '2026-03-29T00:00:00.000Z' }],
    });
    const afterRollback = new Map(
      readWithIcalJs(c.call('calendar.deployment', { deploymentId: d.a.id }).text).events.map((e) => [e.uid, e]),
    );
    expect(afterRollback.get(amsUid)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(afterRollback.get(nycUid)).toMatchObject({ status: 'CONFIRMED', sequence: 0 });

    // The owner of NYC-002 was sent the file; then the site is removed from the plan (as a sync pull removes it).
    c.call('calendar.siteOwner', { siteId: d.nyc.id });
    const raw = new Database(c.databaseFile);
    raw.pragma('foreign_keys = ON');
    raw.prepare('DELETE FROM sites WHERE id = ?').run(d.nyc.id);
    raw.close();
    const afterRemoval = c.call('calendar.deployment', { deploymentId: d.a.id });
    expect(afterRemoval).toMatchObject({ eventCount: 2, cancelledCount: 2 });
    const removed = readWithIcalJs(afterRemoval.text).events.find((e) => e.uid === nycUid);
    expect(removed).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    // Exported again: the cancellations keep their SEQUENCE.
    const repeat = readWithIcalJs(c.call('calendar.deployment', { deploymentId: d.a.id }).text).events.map((e) => [
      e.uid,
      e.sequence,
      e.status,
    ]);
    expect(new Set(repeat.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify([amsUid, 1, 'CANCELLED']), JSON.stringify([nycUid, 1, 'CANCELLED'])]),
    );
    const ownerOfRemoved = c.call('calendar.siteOwner', { siteId: d.nyc.id });
    expect(readWithIcalJs(ownerOfRemoved.text)).toMatchObject({
      method: 'CANCEL',
      events: [{ uid: `site-${d.nyc.id}-owner@outpost`, sequence: 1, status: 'CANCELLED' }],
    });

    if (pythonIcalendarAvailable()) {
      const py = readWithPythonIcalendar(first.text);
      expect(py.method).toBe('PUBLISH');
      const pyByUid = new Map(py.events.map((e) => [e.uid, e]));
      expect(pyByUid.get(nycUid)).toMatchObject({ tzid: NYC, startUtc: '2026-03-08T06:00:00.000Z', endUtc: '2026-03-08T09:00:00.000Z' });
      expect(pyByUid.get(amsUid)).toMatchObject({ tzid: AMS, startUtc: '2026-03-29T00:00:00.000Z', endUtc: '2026-03-29T03:00:00.000Z' });
      expect(readWithPythonIcalendar(ownerCancel.text)).toMatchObject({ method: 'CANCEL', events: [{ sequence: 1, status: 'CANCELLED' }] });
    }
  });

  it("a technician's file: their sites across both deployments, by name (any case) or user id; only managers ask for someone else's", () => {
    const c = calendarCore();
    const d = twoDeployments(c);
    c.call('profile.set', { name: 'Riley Field', role: 'technician' });
    const mine = c.call('calendar.technician', {});
    expect(mine).toMatchObject({ method: 'PUBLISH', eventCount: 3, fileName: 'riley-field-sites.ics' });
    const events = readWithIcalJs(mine.text).events;
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Rollout B 1: UTR-003 Store Utrecht',
      'Rollout POS 3.1: AMS-001 Store Amsterdam',
      'Rollout POS 3.1: NYC-002 Store New York',
    ]);
    expect(events.find((e) => e.summary.includes('UTR-003'))).toMatchObject({
      uid: `deployment-${d.b.id}-site-${d.utr.id}@outpost`,
      startUtc: '2026-04-02T07:00:00.000Z',
      tzid: AMS,
    });
    expect(c.result('calendar.technician', { name: 'Sam Other' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(c.call('calendar.technician', { name: 'riley FIELD' }).eventCount).toBe(3);

    c.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
    expect(readWithIcalJs(c.call('calendar.technician', { name: 'Sam Other' }).text).events.map((e) => e.summary)).toEqual([
      'Rollout POS 3.1: AMS-001 Store Amsterdam',
    ]);
    const userId = '0b6f8a52-3f0e-4a8e-9d37-2b1f3c4d5e6f';
    c.call('sites.update', { siteId: d.nyc.id, technicians: [{ id: userId, name: 'Pat Picked' }] });
    expect(readWithIcalJs(c.call('calendar.technician', { userId }).text).events.map((e) => e.summary)).toEqual([
      'Rollout POS 3.1: NYC-002 Store New York',
    ]);
    expect(c.result('calendar.technician', { name: 'Nobody Here' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
