import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../migrations';

/**
 * A test that writes the schema version down goes stale at the next migration (or, worse, keeps
 * passing while testing an old version): tests read it from migrations/ (`LATEST_SCHEMA_VERSION`,
 * `LATEST_CENTRAL_SCHEMA_VERSION`). This finds a number written where a schema version goes in the
 * test sources: a wire `schemaVersion`, the schema header, a `SCHEMA_VERSION` constant.
 */

const HARD_CODED = [
  /\bschemaVersion:\s*\d/,
  /\bSCHEMA_VERSION\s*=\s*\d/,
  /SCHEMA_HEADER\]\s*[:=]\s*'\d/,
  /SCHEMA_HEADER\]\)\.toBe\('\d/,
  /'x-outpost-schema'\s*[:=]\s*'\d/,
];

function testSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'results' ? [] : testSources(full);
    return /\.tsx?$/.test(entry.name) && (full.includes(`${path.sep}test${path.sep}`) || /\.test\.tsx?$/.test(entry.name)) ? [full] : [];
  });
}

describe('schema versions in tests come from migrations/', () => {
  it('no test source writes a schema version as a number', () => {
    const self = path.resolve('test/integration/schema-version-in-tests.test.ts'); // its samples below are written down on purpose
    const files = ['test', 'core', 'server', 'shared', 'renderer', 'host', 'launcher', 'electron']
      .flatMap((d) => testSources(path.resolve(d)))
      .filter((f) => f !== self);
    expect(files.length).toBeGreaterThan(200);
    const found = files.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          HARD_CODED.some((re) => re.test(line)) ? [`${path.relative(process.cwd(), file)}:${i + 1}: ${line.trim().slice(0, 120)}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it('recognises the forms it looks for', () => {
    const samples = [
      '{ schemaVersion: 8, data }',
      'export const SCHEMA_VERSION = 8;',
      "headers[SCHEMA_HEADER] = '8';",
      "expect(headers[SCHEMA_HEADER]).toBe('9');",
    ];
    expect(samples.filter((s) => !HARD_CODED.some((re) => re.test(s)))).toEqual([]);
    expect(HARD_CODED.some((re) => re.test(`{ schemaVersion: LATEST_SCHEMA_VERSION }`))).toBe(false);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(0);
  });
});
