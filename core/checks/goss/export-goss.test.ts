import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { exportGossYaml } from './export-goss';
import { parseGoss } from './parse-goss';

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/goss');
const corpus = fs.readdirSync(path.join(FIXTURES, 'corpus')).filter((f) => f.endsWith('.yaml'));

function imported(text: string) {
  const result = parseGoss(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}
const shape = (drafts: { kind: string; description: string; params: Record<string, unknown> }[]) =>
  drafts
    .map((d) => ({ kind: d.kind, description: d.description, params: d.params }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('gossfile export', () => {
  it.each(['realistic.goss.yaml', 'old-spellings.goss.yaml', ...corpus.map((f) => `corpus/${f}`)])(
    'import → export → import gives the same requirements: %s',
    (name) => {
      const first = imported(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
      const out = exportGossYaml(first.drafts, 'test export');
      expect(out.skipped).toEqual([]);
      expect(out.exported).toBe(first.drafts.length);
      const second = imported(out.yaml);
      expect(shape(second.drafts)).toEqual(shape(first.drafts));
    },
  );

  it('writes what goss validate reads: typed YAML, quoted modes and versions, numeric matcher arguments', () => {
    const first = imported(
      'file:\n  /etc/passwd:\n    mode: "0644"\n    size: {lt: 4096}\npackage:\n  nginx:\n    versions: ["1.10"]\nuser:\n  www-data:\n    uid: 33\n',
    );
    const out = exportGossYaml(first.drafts, 'x');
    const doc = parseDocument(out.yaml, { version: '1.1' }).toJS() as Record<string, Record<string, Record<string, unknown>>>;
    expect(doc.file!['/etc/passwd']).toEqual({ exists: true, mode: '0644', size: { lt: 4096 } });
    expect(doc.package!.nginx).toEqual({ installed: true, versions: ['1.10'] });
    expect(doc.user!['www-data']).toEqual({ exists: true, uid: 33 });
  });

  it('names every requirement Goss has no resource for', () => {
    const out = exportGossYaml(
      [
        { kind: 'memory', description: 'At least 8 GiB', params: { minBytes: 8 * 1024 ** 3 } },
        { kind: 'package', description: 'nginx new enough', params: { name: 'nginx', version: '>=1.22' } },
        { kind: 'port', description: 'ssh', params: { port: 22 } },
      ],
      'x',
    );
    expect(out.exported).toBe(1);
    expect(out.skipped).toEqual([
      { description: 'At least 8 GiB', reason: 'Goss has no memory resource' },
      { description: 'nginx new enough', reason: expect.stringContaining('>=1.22') },
    ]);
    expect(out.yaml).toContain('#   not exported: At least 8 GiB: Goss has no memory resource');
    expect(out.yaml).toContain('tcp:22:');
  });
});
