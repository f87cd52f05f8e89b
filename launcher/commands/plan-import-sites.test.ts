import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOf, openSiteImportCore, siteRows } from '../../test/integration/site-import-fixture';
import { tempDataDir } from '../../test/support/temp-core';
import { planCommand } from './plan-command';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await planCommand.run(['import-sites', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A data directory holding a release manager's empty "Store refresh" deployment, closed again. */
function dataDir(): string {
  const dir = tempDataDir('outpost-cli-sites');
  openSiteImportCore(dir).core.close();
  return dir;
}

function siteCount(dir: string): number {
  const db = new Database(path.join(dir, 'outpost.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM sites').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function writeFile(dir: string, name: string, data: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('outpost plan import-sites', () => {
  it('--dry-run writes nothing; then imports (exit 0); a re-run changes nothing', async () => {
    const dir = dataDir();
    const file = writeFile(dir, 'stores.csv', csvOf(siteRows(300)));
    const dry = await run([file, '--deployment', 'Store refresh', '--data-dir', dir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/stores\.csv \(csv\): 300 rows · 300 new · 0 changed · 0 unchanged · 0 with errors/);
    expect(dry.out).toMatch(/Dry run: nothing imported\./);
    expect(siteCount(dir)).toBe(0);

    const real = await run([file, '--deployment', 'Store refresh', '--data-dir', dir]);
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/Imported: 300 created, 0 updated, 0 unchanged\./);
    expect(siteCount(dir)).toBe(300);

    const rows = siteRows(300).slice(0, 299);
    rows[0]![1] = 'Store one';
    const again = await run([writeFile(dir, 'edited.csv', csvOf(rows)), '--deployment', 'Store refresh', '--data-dir', dir, '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.out) as { preview: { counts: unknown; untouchedCount: number; sites: unknown[] }; imported: unknown };
    expect(report.preview.counts).toEqual({ new: 0, changed: 1, unchanged: 298 });
    expect(report.preview.untouchedCount).toBe(1);
    expect(report.preview.sites).toEqual([
      { row: 1, code: 'S0001', name: 'Store one', status: 'changed', changes: [{ field: 'name', from: 'Store 1', to: 'Store one' }] },
    ]);
    expect(report.imported).toEqual({ created: 0, updated: 1, unchanged: 298 });
  });

  it('exits 1 on row errors (named by row and column) and writes nothing', async () => {
    const dir = dataDir();
    const rows = siteRows(5);
    rows[2]![3] = 'Mars/Olympus';
    const result = await run([writeFile(dir, 'bad.csv', csvOf(rows)), '--deployment', 'Store refresh', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/ERROR {5}row 3, column "TZ": Unknown time zone "Mars\/Olympus"/);
    expect(result.out).toMatch(/Nothing imported/);
    expect(siteCount(dir)).toBe(0);
  });

  it('exits 2 on usage errors and an unknown deployment', async () => {
    const dir = dataDir();
    const file = writeFile(dir, 'stores.csv', csvOf(siteRows(2)));
    expect((await run([file, '--data-dir', dir])).code).toBe(2);
    expect((await run(['--deployment', 'Store refresh', '--data-dir', dir])).code).toBe(2);
    expect((await run([file, '--deployment', 'Store refresh', '--bogus'])).code).toBe(2);
    expect((await run([path.join(dir, 'missing.csv'), '--deployment', 'Store refresh', '--data-dir', dir])).code).toBe(2);
    const unknown = await run([file, '--deployment', 'Nope', '--data-dir', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/No deployment is named "Nope"/);
    expect(await planCommand.run(['import-nothing'], { out: () => {}, err: () => {} })).toBe(2);
    expect(siteCount(dir)).toBe(0);
  });
});
