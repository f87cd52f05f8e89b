import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INI_FILE, openTargetImportCore } from '../../test/integration/target-import-fixture';
import { tempDataDir } from '../../test/support/temp-core';
import { planImportTargets } from './plan-import-targets';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await planImportTargets(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A data directory holding a release manager's "Store refresh" deployment, closed again. */
function dataDir(): string {
  const dir = tempDataDir('outpost-cli-targets');
  openTargetImportCore(dir).core.close();
  return dir;
}

function count(dir: string): number {
  const db = new Database(path.join(dir, 'outpost.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM target_machines').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('outpost plan import-targets', () => {
  it('exits 1 and imports nothing while a host has no site; 0 with --site; a re-run updates nothing twice', async () => {
    const dir = dataDir();
    const blocked = await run([INI_FILE, '--deployment', 'Store refresh', '--data-dir', dir]);
    expect(blocked.code).toBe(1);
    expect(blocked.out).toMatch(/28 hosts · 27 new · 0 to update · 0 unchanged · 1 without a site · 0 with errors/);
    expect(blocked.out).toMatch(/NO SITE {3}kiosk-7 \(line 31\)/);
    expect(blocked.out).toMatch(/bo01\.store-014: ansible_password \(host\)/);
    expect(blocked.out).toMatch(/ansible_become_pass \(group all\): 28 hosts/);
    expect(count(dir)).toBe(0);

    const dry = await run([INI_FILE, '--deployment', 'Store refresh', '--site', 'store-01', '--dry-run', '--data-dir', dir]);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/Dry run: nothing imported/);
    expect(count(dir)).toBe(0);

    const done = await run([
      INI_FILE,
      '--deployment',
      'Store refresh',
      '--site',
      'STORE-01',
      '--format',
      'ansible',
      '--json',
      '--data-dir',
      dir,
    ]);
    expect(done.code).toBe(0);
    const report = JSON.parse(done.out) as { imported: { created: number }; preview: { format: string } };
    expect(report.imported.created).toBe(28);
    expect(report.preview.format).toBe('ansible-ini');
    expect(count(dir)).toBe(28);

    const again = await run([INI_FILE, '--deployment', 'Store refresh', '--site', 'STORE-01', '--data-dir', dir]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Imported: 0 created, 0 updated, 28 unchanged/);
    expect(count(dir)).toBe(28);
  }, 30_000);

  it('exits 1 for a host with errors in a CSV, naming it', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'targets.csv');
    fs.writeFileSync(
      file,
      'host_name,address,port,user,role,site\ntill1,10.14.1.1,22,deploy,pos,STORE-014\ntill2,10.14.1.2,99999,deploy,pos,STORE-014\n',
    );
    const result = await run([file, '--deployment', 'Store refresh', '--format', 'csv', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/ERROR {5}till2 \(line 2\): port: Port is 1–65535/);
    expect(count(dir)).toBe(0);
  }, 30_000);

  it('exits 2 for usage errors: no file, unknown deployment, unknown format or site', async () => {
    const dir = dataDir();
    expect((await run(['--deployment', 'Store refresh', '--data-dir', dir])).code).toBe(2);
    expect((await run([INI_FILE, '--data-dir', dir])).code).toBe(2);
    expect((await run([path.join(dir, 'missing.ini'), '--deployment', 'Store refresh', '--data-dir', dir])).code).toBe(2);
    const unknown = await run([INI_FILE, '--deployment', 'Nope', '--data-dir', dir]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toMatch(/No deployment is named "Nope"/);
    expect((await run([INI_FILE, '--deployment', 'Store refresh', '--format', 'xml', '--data-dir', dir])).code).toBe(2);
    expect((await run([INI_FILE, '--deployment', 'Store refresh', '--site', 'STORE-999', '--data-dir', dir])).code).toBe(2);
    expect((await run([INI_FILE, '--deployment', 'Store refresh', '--bogus', '--data-dir', dir])).code).toBe(2);
    expect(count(dir)).toBe(0);
  }, 30_000);
});
