import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePackages } from './parse-system-sections';
import { DPKG_STATUS_AWK } from './dpkg-status-awk';

/** One paragraph of dpkg's status file, with the fields dpkg-query insists on. */
const paragraph = (name: string, status: string, arch: string, version: string | null, extra: string[] = []): string =>
  [
    `Package: ${name}`,
    `Status: ${status}`,
    'Priority: optional',
    `Architecture: ${arch}`,
    ...extra,
    'Maintainer: Outpost Tests <tests@example.com>',
    ...(version === null ? [] : [`Version: ${version}`]),
    `Description: ${name} for the status file test`,
    ' Package: a continuation line is not a field',
    ' .',
    ' Status: nor is this one',
  ].join('\n');

// Every want, state and error flag a technician's target can hold, two architectures of one
// package, an epoch and a tilde in versions.
const STATUS =
  [
    paragraph('alpha', 'install ok installed', 'amd64', '1.0-1'),
    paragraph('beta', 'hold ok installed', 'all', '2:3.4~rc1-2'),
    paragraph('gamma', 'deinstall ok config-files', 'amd64', '0.9'),
    paragraph('delta', 'purge ok not-installed', 'amd64', null),
    paragraph('epsilon', 'install reinstreq half-installed', 'amd64', '5'),
    paragraph('libz', 'install ok installed', 'i386', '1.2', ['Multi-Arch: same']),
    paragraph('libz', 'install ok installed', 'amd64', '1.2', ['Multi-Arch: same']),
    paragraph('zeta', 'install ok unpacked', 'amd64', '6'),
    paragraph('eta', 'install ok half-configured', 'amd64', '7'),
    paragraph('theta', 'install ok triggers-awaited', 'amd64', '8', ['Triggers-Awaited: alpha']),
    paragraph('iota', 'install ok triggers-pending', 'all', '9', ['Triggers-Pending: /usr/share/iota']),
    paragraph('kappa', 'unknown ok not-installed', 'amd64', null),
  ].join('\n\n') + '\n';

const FORMAT = '${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-dpkg-status-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const awk = (file: string): string =>
  execFileSync('awk', [DPKG_STATUS_AWK, file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
const hasDpkgQuery = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;

describe("the probe's dpkg status reader", () => {
  it('prints each package as dpkg-query -W does, with the abbreviated want, state and error flag', () => {
    const file = path.join(dir, 'status');
    fs.writeFileSync(file, STATUS);
    expect(awk(file).split('\n').filter(Boolean)).toEqual([
      'ii \talpha\t1.0-1\tamd64',
      'hi \tbeta\t2:3.4~rc1-2\tall',
      'rc \tgamma\t0.9\tamd64',
      'iHR\tepsilon\t5\tamd64',
      'ii \tlibz\t1.2\ti386',
      'ii \tlibz\t1.2\tamd64',
      'iU \tzeta\t6\tamd64',
      'iF \teta\t7\tamd64',
      'iW \ttheta\t8\tamd64',
      'it \tiota\t9\tall',
    ]);
  });

  it('holds no single quote (the probe keeps it in one)', () => {
    expect(DPKG_STATUS_AWK).not.toContain("'");
  });

  it.skipIf(!hasDpkgQuery)('matches dpkg-query itself on the same database, and on this machine', () => {
    const admin = path.join(dir, 'admin');
    fs.mkdirSync(path.join(admin, 'info'), { recursive: true });
    fs.mkdirSync(path.join(admin, 'updates'), { recursive: true });
    fs.writeFileSync(path.join(admin, 'available'), '');
    fs.writeFileSync(path.join(admin, 'status'), STATUS);
    const sorted = (text: string) => text.split('\n').filter(Boolean).sort();
    const query = (adminDir: string) =>
      execFileSync('dpkg-query', [`--admindir=${adminDir}`, '-W', '-f', FORMAT], {
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: 'C' },
      });
    expect(sorted(awk(path.join(admin, 'status')))).toEqual(sorted(query(admin)));
    expect(sorted(awk('/var/lib/dpkg/status'))).toEqual(sorted(query('/var/lib/dpkg')));
    // What the facts keep: installed and held packages only.
    expect(parsePackages(awk(path.join(admin, 'status')), undefined).map((p) => `${p.name}:${p.arch}`)).toEqual([
      'alpha:amd64',
      'beta:all',
      'libz:i386',
      'libz:amd64',
    ]);
  });
});
