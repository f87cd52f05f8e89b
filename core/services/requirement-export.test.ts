import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requirementParamsSchemas, type RequirementKind } from '../../shared/checks/requirement-kinds';
import { parseGoss } from '../checks/goss/parse-goss';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../test/fixtures/goss', name), 'utf8');

describe('requirements.exportGoss', () => {
  it("exports a role's requirements (and those for every target) as a gossfile that imports back the same", () => {
    const sample = openSampleCore();
    core = sample.core;
    const own = core.call('requirements.list', { deploymentId: sample.deploymentId });
    const { imported } = core.call('requirements.importGoss', {
      deploymentId: sample.deploymentId,
      targetRole: 'pos-server',
      yaml: fixture('realistic.goss.yaml'),
    });

    // A technician (the test profile) may read it; the sample's own OS/CPU/memory/disk/clock requirements have no Goss form.
    const out = core.call('requirements.exportGoss', { deploymentId: sample.deploymentId, targetRole: 'pos-server' });
    expect(out.fileName).toMatch(/-pos-server\.goss\.yaml$/);
    expect(Buffer.from(out.base64, 'base64').toString('utf8')).toBe(out.yaml);
    expect(out.skipped.map((s) => s.reason)).toEqual([
      'Goss has no OS resource',
      'Goss has no CPU resource',
      'Goss has no memory resource',
      expect.stringContaining('Goss checks use % of a mount point only'),
      expect.stringContaining('the version constraint ">=2026.4.0" has no Goss form'),
      'Goss has no clock resource',
    ]);
    const notExported = new Set(out.skipped.map((s) => s.description));
    const portable = [...own, ...imported].filter((r) => !notExported.has(r.description));
    expect(out.exported).toBe(portable.length);
    const again = parseGoss(out.yaml);
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    // Two requirements on the same resource with the same values are one Goss resource: compared as sets.
    // Params compared with their defaults applied (the sample stores some without them).
    const unique = (rows: { kind: string; params: Record<string, unknown> }[]) =>
      [...new Set(rows.map((r) => JSON.stringify([r.kind, requirementParamsSchemas[r.kind as RequirementKind].parse(r.params)])))].sort();
    expect(unique(again.drafts)).toEqual(unique(portable));
    expect(again.drafts.length).toBeGreaterThanOrEqual(unique(portable).length);

    // Only the requirements for every target when no role is given.
    const all = core.call('requirements.exportGoss', { deploymentId: sample.deploymentId, targetRole: null });
    expect(all.exported).toBe(own.filter((r) => r.targetRole === null && r.kind !== 'clock_skew').length);
    expect(all.fileName).toMatch(/-all-targets\.goss\.yaml$/);
    expect(core.dispatch('requirements.exportGoss', { deploymentId: 'nope', targetRole: null })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
