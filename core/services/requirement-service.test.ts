import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/checks/evaluate';
import { makeFacts } from '../../test/support/make-facts';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

/** Activity rows read straight from the database file. */
function importActivity(): { detail: string }[] {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return db.prepare("SELECT detail FROM activity WHERE action = 'requirements_imported'").all() as { detail: string }[];
  } finally {
    db.close();
  }
}

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../test/fixtures/goss', name), 'utf8');

describe('requirements.list', () => {
  it("lists a deployment's requirements and refuses an unknown deployment", () => {
    const sample = openSampleCore();
    core = sample.core;
    const list = core.call('requirements.list', { deploymentId: sample.deploymentId });
    expect(list.map((r) => r.kind)).toEqual(['os', 'cpu_cores', 'memory', 'disk_free', 'package', 'service', 'port', 'clock_skew']);
    expect(core.dispatch('requirements.list', { deploymentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('requirements.importGoss', () => {
  it('stores every requirement of a realistic goss.yaml for the role, and returns what it skipped', () => {
    const sample = openSampleCore();
    core = sample.core;
    const before = core.call('requirements.list', { deploymentId: sample.deploymentId }).length;
    const result = core.call('requirements.importGoss', {
      deploymentId: sample.deploymentId,
      targetRole: 'pos-server',
      yaml: fixture('realistic.goss.yaml'),
    });
    expect(result.imported).toHaveLength(28);
    expect(result.imported.every((r) => r.targetRole === 'pos-server' && r.createdBy === 'Test Technician')).toBe(true);
    // Every attribute of this file is judged with Goss's meaning (shared/checks/goss/goss-attributes.ts).
    expect(result.skipped).toEqual([]);
    expect(result.imported.find((r) => r.kind === 'interface')?.params).toEqual({
      name: 'eth0',
      exists: true,
      matchers: { addrs: ['10.20.1.10/24'] },
    });
    const stored = core.call('requirements.list', { deploymentId: sample.deploymentId });
    expect(stored).toHaveLength(before + 28);
    expect(stored.slice(before)).toEqual(result.imported);
    const http = stored.find((r) => r.kind === 'http')!;
    expect(http.params).toEqual({
      url: 'https://localhost:8443/health',
      status: 200,
      body: ['"status":"ok"'],
      allowInsecure: true,
      timeoutSeconds: 3,
      followRedirects: true,
    });
    const activity = importActivity();
    expect(activity).toHaveLength(1);
    expect(JSON.parse(activity[0]!.detail)).toMatchObject({ imported: 28, skipped: 0, targetRole: 'pos-server' });
  });

  it('stored requirements evaluate: the imported ssh port passes against matching facts', () => {
    const sample = openSampleCore();
    core = sample.core;
    const { imported } = core.call('requirements.importGoss', {
      deploymentId: sample.deploymentId,
      targetRole: null,
      yaml: fixture('old-spellings.goss.yaml'),
    });
    expect(imported.every((r) => r.targetRole === null)).toBe(true);
    const results = evaluate(makeFacts(), imported, { expectedSerial: null });
    expect(results.map((r) => [r.kind, r.status])).toEqual([
      ['file', 'error'], // needs the probe's answer
      ['dns', 'error'],
      ['dns', 'error'], // MX: needs the probe's answer as well
      ['port', 'pass'],
      ['port', 'pass'],
      ['service', 'fail'], // the facts know ssh.service, not sshd
    ]);
  });

  it('changes nothing for a file with templates, and says which lines', () => {
    const sample = openSampleCore();
    core = sample.core;
    const before = core.call('requirements.list', { deploymentId: sample.deploymentId });
    const refused = core.dispatch('requirements.importGoss', {
      deploymentId: sample.deploymentId,
      targetRole: null,
      yaml: fixture('templated.goss.yaml'),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: expect.stringContaining('line 6: Line 6 uses a Goss template'),
        issues: [{ path: 'line 6' }, { path: 'line 8' }, { path: 'line 10' }, { path: 'line 12' }],
      },
    });
    expect(core.call('requirements.list', { deploymentId: sample.deploymentId })).toEqual(before);
  });

  it('is all or nothing: one hostile value refuses the whole file', () => {
    const sample = openSampleCore();
    core = sample.core;
    const before = core.call('requirements.list', { deploymentId: sample.deploymentId });
    const yaml = 'package:\n  nginx:\n    installed: true\nservice:\n  "sshd; touch /tmp/outpost-canary":\n    running: true\n';
    const refused = core.dispatch('requirements.importGoss', { deploymentId: sample.deploymentId, targetRole: 'pos-server', yaml });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'service: sshd; touch /tmp/outpost-canary: name' }] },
    });
    expect(core.call('requirements.list', { deploymentId: sample.deploymentId })).toEqual(before);
    expect(importActivity()).toEqual([]);
  });

  it('refuses oversized input, unknown fields and an unknown deployment', () => {
    const sample = openSampleCore();
    core = sample.core;
    const big = `file:\n${'  /etc/x: {exists: true}\n'.repeat(9000)}`;
    expect(core.dispatch('requirements.importGoss', { deploymentId: sample.deploymentId, targetRole: null, yaml: big })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(
      core.dispatch('requirements.importGoss', { deploymentId: sample.deploymentId, targetRole: null, yaml: 'package: {}', extra: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(
      core.dispatch('requirements.importGoss', { deploymentId: 'missing', targetRole: null, yaml: 'package:\n  nginx: {}\n' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
