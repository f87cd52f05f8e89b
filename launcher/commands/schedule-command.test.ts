import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readWithIcalJs } from '../../test/support/ical-read';
import { openTestCore, tempDataDir } from '../../test/support/temp-core';
import { scheduleCommand } from './schedule-command';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await scheduleCommand.run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A release manager's data directory: "Store refresh" with a site in a window and one without. */
function dataDir(): string {
  const dir = tempDataDir('outpost-cli-schedule');
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const c = openTestCore({ dataDir: dir, profile: false });
  c.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const d = c.call('deployments.create', { name: 'Store refresh', version: '2', quietPeriodDays: 7 });
  c.call('sites.create', {
    deploymentId: d.id,
    code: 'AMS-001',
    name: 'Amsterdam',
    timeZone: 'Europe/Amsterdam',
    windowStart: '2026-03-29T00:00:00.000Z',
    windowEnd: '2026-03-29T03:00:00.000Z',
    technicians: ['Riley Field'],
    ownerEmail: 'olive@example.com',
  });
  c.call('sites.create', { deploymentId: d.id, code: 'BER-002', name: 'Berlin', timeZone: 'Europe/Berlin' });
  c.call('deployments.create', { name: 'Empty', version: '1', quietPeriodDays: 7 });
  c.close();
  return dir;
}

describe('outpost schedule export', () => {
  it('writes the deployment, site owner and technician calendars (exit 0); nothing to export or an unknown site or technician exits 1; usage errors exit 2', async () => {
    const dir = dataDir();
    const out = (name: string) => path.join(dir, name);

    const deployment = await run(['export', '--deployment', 'Store refresh', '--out', out('all.ics'), '--data-dir', dir]);
    expect(deployment).toMatchObject({ code: 0, err: '' });
    expect(deployment.out).toContain('PUBLISH, 1 event');
    expect(readWithIcalJs(fs.readFileSync(out('all.ics'), 'utf8')).events.map((e) => [e.summary, e.tzid, e.startUtc])).toEqual([
      ['Store refresh 2: AMS-001 Amsterdam', 'Europe/Amsterdam', '2026-03-29T00:00:00.000Z'],
    ]);

    expect(
      (await run(['export', '--deployment', 'Store refresh', '--site', 'ams-001', '--out', out('owner.ics'), '--data-dir', dir])).code,
    ).toBe(0);
    expect(readWithIcalJs(fs.readFileSync(out('owner.ics'), 'utf8')).events[0]!.attendee).toBe('mailto:olive@example.com');
    expect(
      (await run(['export', '--deployment', 'Store refresh', '--technician', 'Riley Field', '--out', out('riley.ics'), '--data-dir', dir]))
        .code,
    ).toBe(0);
    expect(readWithIcalJs(fs.readFileSync(out('riley.ics'), 'utf8')).events).toHaveLength(1);

    // 1: nothing to export, an unknown site or technician; no file is written.
    for (const args of [
      ['--site', 'BER-002'],
      ['--site', 'NOPE-9'],
      ['--technician', 'Nobody'],
    ]) {
      const r = await run(['export', '--deployment', 'Store refresh', ...args, '--out', out('none.ics'), '--data-dir', dir]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(/^outpost schedule export: /);
    }
    expect((await run(['export', '--deployment', 'Empty', '--out', out('none.ics'), '--data-dir', dir])).code).toBe(1);
    expect(fs.existsSync(out('none.ics'))).toBe(false);

    // 2: usage.
    expect((await run(['export', '--data-dir', dir])).code).toBe(2);
    expect((await run(['export', '--deployment', 'Nope', '--data-dir', dir])).code).toBe(2);
    expect(
      (await run(['export', '--deployment', 'Store refresh', '--site', 'AMS-001', '--technician', 'Riley Field', '--data-dir', dir])).code,
    ).toBe(2);
    expect((await run(['export', '--deployment', 'Store refresh', '--bogus', '--data-dir', dir])).code).toBe(2);
    expect((await run(['publish'])).code).toBe(2);
    expect(await run(['export', '--help'])).toMatchObject({ code: 0 });
  }, 30_000);
});
