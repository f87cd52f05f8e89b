import { afterEach, describe, expect, it } from 'vitest';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

function asManager() {
  const sample = openSampleCore();
  core = sample.core;
  core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  return sample;
}

describe('inventory.searchDeployment through the dispatcher', () => {
  it('finds a serial at whichever site holds it, with the site named, and surplus by the serial found on site', () => {
    const { deploymentId, sites } = asManager();
    const other = sites[3]!;
    const item = core
      .call('inventory.list', { siteId: other.id, limit: 1000 })
      .items.find((i) => i.expectedSerial && i.expectedSerial.length >= 8)!;
    const part = item.expectedSerial!.slice(2, 7).toLowerCase();
    const result = core.call('inventory.searchDeployment', { deploymentId, query: part });
    expect(result.matches.map((m) => m.item.id)).toContain(item.id);
    const match = result.matches.find((m) => m.item.id === item.id)!;
    expect(match.site).toEqual({ id: other.id, code: other.code, name: other.name });
    expect(
      result.matches.every((m) =>
        `${m.item.expectedSerial} ${m.item.foundSerial} ${m.item.assetTag} ${m.item.model}`.toLowerCase().includes(part),
      ),
    ).toBe(true);

    core.call('inventory.recordSurplus', { siteId: sites[1]!.id, serial: 'UNPLANNED-7Q7Q', model: 'Mystery box' });
    expect(
      core.call('inventory.searchDeployment', { deploymentId, query: 'd-7q7' }).matches.map((m) => [m.site.code, m.item.foundSerial]),
    ).toEqual([[sites[1]!.code, 'UNPLANNED-7Q7Q']]);
  });

  it('counts every match, returns at most the limit, by site code then asset tag, and keeps to the deployment', () => {
    const { deploymentId } = asManager();
    const all = core.call('inventory.searchDeployment', { deploymentId, query: 'Engage One', limit: 200 });
    expect(all.total).toBeGreaterThan(10);
    expect(all.matches).toHaveLength(all.total);
    const order = all.matches.map((m) => `${m.site.code}|${m.item.assetTag}`);
    expect(order).toEqual([...order].sort());
    expect(new Set(all.matches.map((m) => m.site.id)).size).toBeGreaterThan(1);
    const firstFive = core.call('inventory.searchDeployment', { deploymentId, query: 'Engage One', limit: 5 });
    expect(firstFive).toEqual({ total: all.total, matches: all.matches.slice(0, 5) });

    const { id: otherDeployment } = core.call('deployments.create', { name: 'Empty rollout' });
    expect(core.call('inventory.searchDeployment', { deploymentId: otherDeployment, query: 'Engage One' })).toEqual({
      total: 0,
      matches: [],
    });
  });

  it('short texts (fewer than three characters) are matched by a scan with the same meaning', () => {
    const { deploymentId, sites } = asManager();
    core.call('inventory.recordSurplus', { siteId: sites[0]!.id, serial: 'Q%' });
    expect(core.call('inventory.searchDeployment', { deploymentId, query: 'q%' }).matches.map((m) => m.item.foundSerial)).toEqual(['Q%']);
  });

  it('is for release managers and administrators; refuses bad input with the reason and an unknown deployment', () => {
    const { deploymentId } = asManager();
    const missing = core.dispatch('inventory.searchDeployment', { deploymentId: 'no-such-deployment', query: 'abc' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const input of [
      { deploymentId, query: '   ' },
      { deploymentId, query: 'x'.repeat(129) },
      { deploymentId, query: 'ab\u0007c' },
      { deploymentId, query: 'abc', limit: 201 },
      { deploymentId, query: 'abc', siteId: 'x' },
    ]) {
      expect(core.dispatch('inventory.searchDeployment', input)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    core.call('profile.set', { name: 'Alex Tech', role: 'technician' });
    expect(core.dispatch('inventory.searchDeployment', { deploymentId, query: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    core.call('profile.set', { name: 'Ada Admin', role: 'administrator' });
    expect(core.dispatch('inventory.searchDeployment', { deploymentId, query: 'abc' }).ok).toBe(true);
  });
});
