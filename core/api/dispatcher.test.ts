import { afterEach, describe, expect, it } from 'vitest';
import { openSampleCore, openTestCore, type TestCore } from '../../test/support/temp-core';
import { apiContract } from '../../shared/contract';
import { EVERY_ROLE, MANAGER_ROLES } from '../../shared/domain/role-access';

let core: TestCore;
afterEach(() => core?.close());

describe('dispatcher', () => {
  it('returns typed validation errors for wrong types and unknown fields, never throwing', () => {
    core = openTestCore();
    const wrongType = core.dispatch('deployments.create', { name: 42 });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'name' }] } });
    const unknownField = core.dispatch('deployments.create', { name: 'X', admin: true });
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(core.dispatch('deployments.create', 'not an object')).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(core.dispatch(undefined, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(core.call('deployments.list', {})).toEqual([]);
  });

  it('refuses changes before a profile exists', () => {
    core = openTestCore({ profile: false });
    expect(core.call('profile.get', {})).toBeNull();
    expect(core.dispatch('sample.open', {})).toMatchObject({ ok: false, error: { code: 'no_profile' } });
    expect(core.call('deployments.list', {})).toEqual([]);
  });

  it('rolls back a refused change completely', () => {
    const sample = openSampleCore();
    core = sample.core;
    const before = core.call('sites.list', { deploymentId: sample.deploymentId });
    const clash = core.dispatch('sites.create', { deploymentId: sample.deploymentId, code: sample.site.code, name: 'Duplicate' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(core.call('sites.list', { deploymentId: sample.deploymentId })).toEqual(before);
  });

  it('creates a site with its checklist and records who did it', () => {
    const sample = openSampleCore();
    core = sample.core;
    const site = core.call('sites.create', {
      deploymentId: sample.deploymentId,
      code: 'NEW-007',
      name: 'New store',
      windowStart: '2026-12-01T20:00:00Z',
    });
    expect(site).toMatchObject({ status: 'planned', createdBy: 'Test Technician', updatedBy: 'Test Technician', technicians: [] });
    expect(core.call('checklist.get', { siteId: site.id }).progress.total).toBe(18); // the three rollback-only items are left out until the site is rolled back;
    const moved = core.call('sites.setStatus', { siteId: site.id, status: 'in_progress' });
    expect(moved.status).toBe('in_progress');
    for (const status of ['rolled_back', 'signed_off'] as const) {
      expect(core.dispatch('sites.setStatus', { siteId: site.id, status })).toMatchObject({ ok: false, error: { code: 'rule' } });
    }
    expect(core.call('sites.get', { siteId: site.id }).status).toBe('in_progress');
    expect(core.dispatch('sites.get', { siteId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('makes the sample deployment once: 2 waves, 6 sites, about 40 items and a few machines each', () => {
    const sample = openSampleCore();
    core = sample.core;
    expect(core.call('sample.open', {}).deploymentId).toBe(sample.deploymentId);
    const plan = core.call('deployments.get', { deploymentId: sample.deploymentId });
    expect(plan.waves.map((w) => [w.name, w.isPilot])).toEqual([
      ['Pilot', true],
      ['Wave 1', false],
    ]);
    expect(sample.sites).toHaveLength(6);
    expect(core.call('deployments.list', {})).toMatchObject([{ id: sample.deploymentId, siteCount: 6, sitesDeployed: 0 }]);
    core.call('sites.setStatus', { siteId: sample.site.id, status: 'deployed' });
    expect(core.call('deployments.list', {})[0]).toMatchObject({ siteCount: 6, sitesDeployed: 1 });
    for (const site of sample.sites) {
      expect(site.inventory.total).toBeGreaterThanOrEqual(35);
      expect(site.machineCount).toBeGreaterThanOrEqual(3);
    }
    const machines = core.call('machines.list', { siteId: sample.site.id });
    expect(machines.some((m) => m.inventoryItemId !== null)).toBe(true);
  });
});

describe('roles declared in the contract', () => {
  it('every method declares its roles, and the plan, publishing and wave decisions belong to managers', () => {
    for (const [method, definition] of Object.entries(apiContract)) {
      expect(definition.roles.length, method).toBeGreaterThan(0);
      for (const role of definition.roles) expect(EVERY_ROLE, method).toContain(role);
    }
    const managersOnly = Object.entries(apiContract)
      .filter(([, d]) => d.roles.length < EVERY_ROLE.length)
      .map(([m]) => m);
    expect(managersOnly).toEqual(
      expect.arrayContaining([
        'deployments.update',
        'sites.update',
        'machines.create',
        'sync.publish',
        'waves.decide',
        'checklistTemplate.applyToSite',
      ]),
    );
    for (const method of managersOnly) expect(apiContract[method as keyof typeof apiContract].roles).toEqual(MANAGER_ROLES);
  });

  it('refuses every manager-only method to a technician profile before its input is read, and lets a release manager through', () => {
    const sample = openSampleCore();
    core = sample.core;
    core.call('profile.set', { name: 'Tia Tech', role: 'technician' });
    const managersOnly = (Object.keys(apiContract) as (keyof typeof apiContract)[]).filter(
      (m) => apiContract[m].roles.length < EVERY_ROLE.length,
    );
    for (const method of managersOnly) {
      // The role is refused before the input is read (these inputs would not even parse).
      expect(core.dispatch(method, { deploymentId: sample.deploymentId }), method).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('a release manager or an administrator') },
      });
    }
    expect(core.dispatch('sync.publish', { deploymentId: sample.deploymentId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    core.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
    expect(core.dispatch('sync.publish', { deploymentId: sample.deploymentId })).toMatchObject({ ok: true });
  });
});
