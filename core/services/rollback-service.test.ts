import { afterEach, describe, expect, it } from 'vitest';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

describe('site rollback', () => {
  it('marks the site rolled back with reason and issues, and counts it in the deployment figures', () => {
    const sample = openSampleCore();
    core = sample.core;
    const [a, b] = sample.sites;
    const issue = core.call('issues.create', {
      siteId: a!.id,
      title: 'Core switch dead',
      severity: 'critical',
      category: 'hardware',
      blocksSignOff: true,
    });
    core.call('sites.setStatus', { siteId: a!.id, status: 'in_progress' });
    core.call('sites.setStatus', { siteId: b!.id, status: 'deployed' });
    expect(core.call('deployments.list', {})[0]).toMatchObject({ sitesDeployed: 1, sitesRolledBack: 0 });
    const rollback = core.call('sites.rollback', { siteId: a!.id, reason: 'No network after cut-over', issueIds: [issue.id, issue.id] });
    expect(rollback).toMatchObject({
      siteId: a!.id,
      reason: 'No network after cut-over',
      issueIds: [issue.id],
      previousStatus: 'in_progress',
      createdBy: 'Test Technician',
    });
    expect(core.call('sites.get', { siteId: a!.id }).status).toBe('rolled_back');
    expect(core.call('sites.rollbacks', { siteId: a!.id })).toEqual([rollback]);
    expect(core.call('deployments.list', {})[0]).toMatchObject({ sitesDeployed: 1, sitesRolledBack: 1 });
  });

  it('refuses a second rollback, a missing reason and issues of another site', () => {
    const sample = openSampleCore();
    core = sample.core;
    const [a, b] = sample.sites;
    const elsewhere = core.call('issues.create', { siteId: b!.id, title: 'x', severity: 'low', category: 'facility' });
    expect(core.dispatch('sites.rollback', { siteId: a!.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(core.dispatch('sites.rollback', { siteId: a!.id, reason: 'r', issueIds: [elsewhere.id] })).toMatchObject({
      ok: false,
      error: { code: 'rule' },
    });
    expect(core.call('sites.get', { siteId: a!.id }).status).not.toBe('rolled_back');
    core.call('sites.rollback', { siteId: a!.id, reason: 'Power cut' });
    expect(core.dispatch('sites.rollback', { siteId: a!.id, reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: 'The site is already rolled back' },
    });
    expect(core.call('sites.rollbacks', { siteId: a!.id })).toHaveLength(1);
  });
});
