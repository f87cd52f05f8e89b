import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAN_TEMPLATE_MAX_CHARS, readPlanTemplate } from '../../shared/plan-template/plan-template-schema';
import { openTestCore, type TestCore } from '../support/temp-core';

const opened: TestCore[] = [];
afterEach(() => {
  for (const core of opened.splice(0)) core.close();
});

function managerCore(): TestCore {
  const core = openTestCore();
  opened.push(core);
  core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  return core;
}

function count(core: TestCore, sql: string, ...params: unknown[]): number {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A plan with three dated waves, two components, two requirements (one per target role) and a checklist with dependencies across phases. */
function authoredPlan(core: TestCore) {
  const d = core.call('deployments.create', {
    name: 'POS rollout',
    version: '5.2',
    description: 'Tills and scanners',
    quietPeriodDays: 10,
  });
  core.call('waves.create', {
    deploymentId: d.id,
    name: 'Pilot',
    startsAt: '2026-03-02T08:00:00.000Z',
    endsAt: '2026-03-06T17:00:00.000Z',
  });
  core.call('waves.create', {
    deploymentId: d.id,
    name: 'Wave 1',
    startsAt: '2026-03-16T08:00:00.000Z',
    endsAt: '2026-03-27T17:00:00.000Z',
  });
  core.call('waves.create', { deploymentId: d.id, name: 'Stragglers' });
  core.call('components.create', { deploymentId: d.id, name: 'POS agent', kind: 'software', targetVersion: '5.2.1' });
  core.call('components.create', { deploymentId: d.id, name: 'Scanner', kind: 'hardware', manufacturer: 'Zebra', model: 'DS2208' });
  core.call('requirements.create', {
    deploymentId: d.id,
    kind: 'package',
    description: 'POS agent installed',
    targetRole: 'pos',
    params: { name: 'pos-agent', version: '>=5.2' },
  });
  core.call('requirements.create', { deploymentId: d.id, kind: 'cpu_cores', targetRole: 'backoffice', params: { min: 2 } });
  const power = core.call('checklistTemplate.saveItem', {
    deploymentId: d.id,
    phase: 'before',
    title: 'Power and network at the tills',
    ownerPrepares: true,
  });
  const stock = core.call('checklistTemplate.saveItem', {
    deploymentId: d.id,
    phase: 'before',
    title: 'Scanners on site',
    evidence: 'photo',
  });
  const install = core.call('checklistTemplate.saveItem', {
    deploymentId: d.id,
    phase: 'during',
    title: 'Install POS agent',
    dependsOn: power.id,
    instructions: 'apt install pos-agent',
  });
  core.call('checklistTemplate.saveItem', {
    deploymentId: d.id,
    phase: 'after',
    title: 'Test sale',
    dependsOn: install.id,
    required: false,
  });
  // A dependency pointing forward (a before item waiting on a during item) must survive too.
  core.call('checklistTemplate.saveItem', {
    deploymentId: d.id,
    itemId: stock.id,
    phase: 'before',
    position: 2,
    title: 'Scanners on site',
    evidence: 'photo',
    dependsOn: install.id,
  });
  return d;
}

/** The plan of a deployment as its template says, without what names the file. */
function planOf(core: TestCore, deploymentId: string) {
  const { json } = core.call('planTemplates.export', { deploymentId });
  const read = readPlanTemplate(json);
  if (!read.ok) throw new Error(read.message);
  const { exportedAt, source, ...plan } = read.template;
  void exportedAt;
  void source;
  return plan;
}

describe('plan templates on a real SQLite file', () => {
  it('export → import gives the same plan: wave offsets, components, requirements, checklist with dependencies and owner_prepares', () => {
    const core = managerCore();
    const d = authoredPlan(core);
    const file = core.call('planTemplates.export', { deploymentId: d.id });
    expect(file.fileName).toBe('pos-rollout-5.2.outpost-plan.json');
    const parsed = JSON.parse(file.json);
    expect(parsed).toMatchObject({ format: 'outpost-plan-template', version: 1 });
    expect(parsed.waves).toEqual([
      { name: 'Pilot', startOffsetDays: 0, endOffsetDays: 4.375 },
      { name: 'Wave 1', startOffsetDays: 14, endOffsetDays: 25.375 },
      { name: 'Stragglers', startOffsetDays: null, endOffsetDays: null },
    ]);
    expect(
      parsed.checklist.map((i: { key: string; dependsOn: string | null; ownerPrepares: boolean }) => [i.key, i.dependsOn, i.ownerPrepares]),
    ).toEqual([
      ['item-1', null, true],
      ['item-2', 'item-3', false],
      ['item-3', 'item-1', false],
      ['item-4', 'item-3', false],
    ]);

    const made = core.call('planTemplates.import', {
      json: file.json,
      name: 'POS rollout (autumn)',
      version: '5.3',
      firstWaveStartsAt: '2026-09-07T07:00:00.000Z',
    });
    expect(made.counts).toEqual({ waves: 3, components: 2, requirements: 2, checklistItems: 4 });
    expect(made.deployment).toMatchObject({
      name: 'POS rollout (autumn)',
      version: '5.3',
      status: 'draft',
      description: 'Tills and scanners',
      quietPeriodDays: 10,
    });
    expect(planOf(core, made.deployment.id)).toEqual(planOf(core, d.id));
    const { waves, requirements } = core.call('deployments.get', { deploymentId: made.deployment.id });
    expect(waves.map((w) => [w.name, w.sequence, w.isPilot, w.startsAt, w.endsAt])).toEqual([
      ['Pilot', 1, true, '2026-09-07T07:00:00.000Z', '2026-09-11T16:00:00.000Z'],
      ['Wave 1', 2, false, '2026-09-21T07:00:00.000Z', '2026-10-02T16:00:00.000Z'],
      ['Stragglers', 3, false, null, null],
    ]);
    expect(requirements.map((r) => r.targetRole).sort()).toEqual(['backoffice', 'pos']);
    // Dependencies point at the new deployment's own items.
    const items = core.call('checklistTemplate.get', { deploymentId: made.deployment.id }).items;
    const byTitle = new Map(items.map((i) => [i.title, i]));
    expect(byTitle.get('Test sale')?.dependsOn).toBe(byTitle.get('Install POS agent')?.id);
    expect(byTitle.get('Scanners on site')?.dependsOn).toBe(byTitle.get('Install POS agent')?.id);
    expect(byTitle.get('Power and network at the tills')?.ownerPrepares).toBe(true);
  });

  it('createFrom copies the plan of the sample deployment and none of its sites, inventory, machines or field work', () => {
    const core = managerCore();
    const { deploymentId } = core.call('sample.open', {});
    expect(core.call('sites.list', { deploymentId }).length).toBeGreaterThan(0);
    const made = core.call('planTemplates.createFrom', {
      sourceDeploymentId: deploymentId,
      name: 'Sample again',
      version: '2',
      firstWaveStartsAt: '2027-01-04T08:00:00.000Z',
    });
    const id = made.deployment.id;
    expect(planOf(core, id)).toEqual(planOf(core, deploymentId));
    expect(made.counts.checklistItems).toBeGreaterThan(0);
    expect(count(core, 'SELECT count(*) AS n FROM sites WHERE deployment_id = ?', id)).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM issues WHERE site_id IN (SELECT id FROM sites WHERE deployment_id = ?)', id)).toBe(0);
    expect(core.call('deployments.get', { deploymentId: id }).waves[0]?.startsAt).toBe('2027-01-04T08:00:00.000Z');
    expect(count(core, "SELECT count(*) AS n FROM activity WHERE action = 'created_from_template' AND entity_id = ?", id)).toBe(1);
  });

  it('a bad template file is refused whole, naming why, and creates nothing', () => {
    const core = managerCore();
    const good = JSON.parse(core.call('planTemplates.export', { deploymentId: authoredPlan(core).id }).json);
    const deployments = () => count(core, 'SELECT count(*) AS n FROM deployments');
    const before = deployments();
    const refused = (json: string) => {
      const result = core.dispatch('planTemplates.import', { json, name: 'Bad', version: '1' });
      if (result.ok) throw new Error('expected a refusal');
      return result.error;
    };
    expect(refused(JSON.stringify({ ...good, version: 2 })).message).toBe(
      'This plan template is version 2; this Outpost reads version 1 only',
    );
    expect(refused(JSON.stringify({ ...good, format: 'something-else' })).message).toContain('not an Outpost plan template');
    expect(refused('{ "format": "outpost-plan-template", ').message).toContain('not JSON');
    const broken = structuredClone(good);
    broken.checklist[3].dependsOn = 'item-99';
    expect(refused(JSON.stringify(broken))).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('"Test sale" depends on "item-99", which is not in the checklist'),
    });
    const cycle = structuredClone(good);
    cycle.checklist[0].dependsOn = 'item-4';
    expect(refused(JSON.stringify(cycle)).message).toContain('dependency cycle');
    const oversized = JSON.stringify({ ...good, deployment: { ...good.deployment, description: 'x'.repeat(PLAN_TEMPLATE_MAX_CHARS) } });
    expect(refused(oversized).issues?.[0]?.message).toContain('too large');
    const tooMany = {
      ...good,
      waves: Array.from({ length: 101 }, (_, i) => ({ name: `W${i}`, startOffsetDays: i, endOffsetDays: i + 1 })),
    };
    expect(refused(JSON.stringify(tooMany)).message).toContain('waves');
    // Valid in shape, refused by the requirement rules half-way through: the transaction leaves nothing.
    const badParams = structuredClone(good);
    badParams.requirements[1].params = { name: 'x; rm -rf /' };
    badParams.requirements[1].kind = 'package';
    expect(refused(JSON.stringify(badParams)).code).toBe('validation');
    expect(deployments()).toBe(before);
    expect(count(core, "SELECT count(*) AS n FROM waves WHERE name = 'Pilot'")).toBe(1);
  });
});
