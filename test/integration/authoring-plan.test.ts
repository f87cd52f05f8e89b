import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { TestCore } from '../support/temp-core';
import { activityOf, openAuthoringCore } from './authoring-fixture';

let core: TestCore | undefined;
afterEach(() => core?.close());

function open() {
  const opened = openAuthoringCore();
  core = opened.core;
  return opened;
}

describe('plan authoring: deployments, waves, sites, components', () => {
  it('refuses every authoring command for a technician with forbidden, and writes nothing', () => {
    const { core, deploymentId } = open();
    core.call('profile.set', { name: 'Tom Tech', role: 'technician' });
    const attempts = [
      core.dispatch('deployments.update', { deploymentId, name: 'Renamed' }),
      core.dispatch('waves.create', { deploymentId, name: 'Pilot' }),
      core.dispatch('components.create', { deploymentId, name: 'POS', kind: 'software', targetVersion: '5.2' }),
      core.dispatch('requirements.create', { deploymentId, kind: 'cpu_cores', params: { min: 2 } }),
      core.dispatch('checklistTemplate.saveItem', { deploymentId, phase: 'before', title: 'Power' }),
    ];
    for (const result of attempts) expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.call('deployments.get', { deploymentId })).toMatchObject({
      deployment: { name: 'POS rollout' },
      waves: [],
      components: [],
      requirements: [],
    });
  });

  it('edits a deployment, records who and when, and moves its status only forward', () => {
    const { core, deploymentId } = open();
    const edited = core.call('deployments.update', {
      deploymentId,
      name: 'POS rollout 2027',
      description: 'All stores',
      quietPeriodDays: 21,
      status: 'published',
    });
    expect(edited).toMatchObject({
      name: 'POS rollout 2027',
      description: 'All stores',
      quietPeriodDays: 21,
      status: 'published',
      updatedBy: 'Rita Release',
    });
    expect(core.dispatch('deployments.update', { deploymentId, status: 'draft' })).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(core.call('deployments.update', { deploymentId, status: 'in_progress' }).status).toBe('in_progress');
    expect(core.dispatch('deployments.update', { deploymentId, name: '' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(activityOf(core, deploymentId).map((a) => a.action)).toEqual(['created', 'updated', 'updated']);
  });

  it('makes the first wave the pilot, refuses to delete a wave with sites, and renumbers after a delete', () => {
    const { core, deploymentId } = open();
    const pilot = core.call('waves.create', {
      deploymentId,
      name: 'Pilot',
      startsAt: '2027-01-10T08:00:00Z',
      endsAt: '2027-01-20T18:00:00Z',
    });
    const second = core.call('waves.create', { deploymentId, name: 'Wave 2' });
    expect(pilot).toMatchObject({ sequence: 1, isPilot: true, createdBy: 'Rita Release' });
    expect(second).toMatchObject({ sequence: 2, isPilot: false });
    expect(
      core.dispatch('waves.update', { waveId: second.id, startsAt: '2027-02-10T08:00:00Z', endsAt: '2027-02-01T08:00:00Z' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(core.call('waves.update', { waveId: second.id, name: 'North' }).name).toBe('North');

    core.call('sites.create', { deploymentId, waveId: pilot.id, code: 'S001', name: 'Store 1' });
    expect(core.dispatch('waves.delete', { waveId: pilot.id })).toMatchObject({ ok: false, error: { code: 'rule' } });
    const third = core.call('waves.create', { deploymentId, name: 'Wave 3' });
    expect(core.call('waves.delete', { waveId: second.id })).toEqual({ deleted: true });
    const waves = core.call('deployments.get', { deploymentId }).waves;
    expect(waves.map((w) => [w.id, w.sequence, w.isPilot])).toEqual([
      [pilot.id, 1, true],
      [third.id, 2, false],
    ]);
    expect(activityOf(core, second.id).map((a) => a.action)).toEqual(['created', 'updated', 'deleted']);
  });

  it('edits every site field and refuses a duplicate code, a bad time zone and a window ending before it starts', () => {
    const { core, deploymentId } = open();
    const wave = core.call('waves.create', { deploymentId, name: 'Pilot' });
    const a = core.call('sites.create', { deploymentId, code: 'S001', name: 'Store 1' });
    core.call('sites.create', { deploymentId, code: 'S002', name: 'Store 2' });
    const site = core.call('sites.update', {
      siteId: a.id,
      code: 'AMS-01',
      name: 'Amsterdam Centraal',
      address: 'Stationsplein 1',
      timeZone: 'Europe/Amsterdam',
      ownerName: 'Olga Owner',
      ownerEmail: 'olga@example.test',
      ownerPhone: '+31 20 000 0000',
      windowStart: '2027-01-12T06:00:00+01:00',
      windowEnd: '2027-01-12T14:00:00+01:00',
      waveId: wave.id,
      technicians: ['Tom Tech', 'Tina Tech', 'Tom Tech'],
    });
    expect(site).toMatchObject({
      code: 'AMS-01',
      timeZone: 'Europe/Amsterdam',
      waveId: wave.id,
      technicians: [
        { id: null, name: 'Tom Tech' },
        { id: null, name: 'Tina Tech' },
      ],
      updatedBy: 'Rita Release',
    });
    expect(core.dispatch('sites.update', { siteId: a.id, code: 'S002' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(core.dispatch('sites.update', { siteId: a.id, timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('sites.update', { siteId: a.id, windowEnd: '2027-01-12T05:00:00+01:00' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.call('sites.get', { siteId: a.id })).toMatchObject({ code: 'AMS-01', windowEnd: '2027-01-12T14:00:00+01:00' });
    expect(activityOf(core, a.id).map((x) => x.action)).toEqual(['created', 'updated']);
  });

  it('keeps a technician picked from the server as user id and name, a typed one as a name only, and reads rows written before ids', () => {
    const { core, deploymentId } = open();
    const a = core.call('sites.create', { deploymentId, code: 'S001', name: 'Store 1', technicians: ['Sam Typed'] });
    expect(a.technicians).toEqual([{ id: null, name: 'Sam Typed' }]);
    const riley = { id: '0b7d5c1e-3f0a-4a51-9c3e-5d2b8e4f6a10', name: 'Riley Field' };
    const twin = { id: '5f0c2a9e-8d41-4b6f-a3c2-1e9d7b6a5c40', name: 'Riley Field' };
    expect(core.call('sites.update', { siteId: a.id, technicians: [riley, 'Sam Typed', { ...riley }, twin] }).technicians).toEqual([
      riley,
      { id: null, name: 'Sam Typed' },
      twin,
    ]);
    expect(core.dispatch('sites.update', { siteId: a.id, technicians: [{ id: 'riley', name: 'Riley Field' }] })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const raw = new Database(core.databaseFile);
    try {
      expect(raw.prepare('SELECT technicians FROM sites WHERE id = ?').get(a.id)).toEqual({
        technicians: JSON.stringify([riley, 'Sam Typed', twin]),
      });
      raw.prepare('UPDATE sites SET technicians = ? WHERE id = ?').run('["Old Name"," old name "]', a.id);
    } finally {
      raw.close();
    }
    expect(core.call('sites.get', { siteId: a.id }).technicians).toEqual([
      { id: null, name: 'Old Name' },
      { id: null, name: 'old name' },
    ]);
  });

  it('adds and edits software and hardware components with the fields each needs', () => {
    const { core, deploymentId } = open();
    const software = core.call('components.create', {
      deploymentId,
      name: 'POS server',
      kind: 'software',
      scope: 'core',
      targetVersion: '5.2.1',
    });
    expect(software).toMatchObject({ scope: 'core', targetVersion: '5.2.1', manufacturer: null });
    const hardware = core.call('components.create', {
      deploymentId,
      name: 'Till',
      kind: 'hardware',
      manufacturer: 'Dell',
      model: 'OptiPlex 7010',
    });
    expect(hardware).toMatchObject({ scope: 'site', targetVersion: null, model: 'OptiPlex 7010' });
    expect(core.dispatch('components.create', { deploymentId, name: 'Agent', kind: 'software' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('components.create', { deploymentId, name: 'Printer', kind: 'hardware', manufacturer: 'Zebra' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.call('components.update', { componentId: software.id, targetVersion: '5.3.0' }).targetVersion).toBe('5.3.0');
    expect(core.call('deployments.get', { deploymentId }).components).toHaveLength(2);
    expect(activityOf(core, software.id).map((x) => x.action)).toEqual(['created', 'updated']);
  });
});
