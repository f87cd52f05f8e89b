import { afterEach, describe, expect, it } from 'vitest';
import { isMissing } from '../../shared/logic/inventory-rules';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

describe('inventory search and paging', () => {
  it('finds items by part of a serial, an asset tag or a model', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    const all = core.call('inventory.list', { siteId, limit: 1000 });
    expect(all.total).toBe(41);
    const target = all.items[5]!;
    const part = target.expectedSerial!.slice(1, 5).toLowerCase();
    const bySerial = core.call('inventory.list', { siteId, query: part });
    expect(bySerial.items.map((i) => i.id)).toContain(target.id);
    expect(bySerial.items.every((i) => `${i.expectedSerial}${i.foundSerial}${i.assetTag}${i.model}`.toLowerCase().includes(part))).toBe(
      true,
    );
    expect(core.call('inventory.list', { siteId, query: target.assetTag! }).items.map((i) => i.id)).toEqual([target.id]);
    expect(core.call('inventory.list', { siteId, query: 'PowerEdge' }).total).toBe(2);
  });

  it('matches % and _ literally', () => {
    const sample = openSampleCore();
    core = sample.core;
    expect(core.call('inventory.list', { siteId: sample.site.id, query: '%' }).total).toBe(0);
    expect(core.call('inventory.list', { siteId: sample.site.id, query: '_' }).total).toBe(0);
  });

  it('filters by state and surplus, and pages with a stable order', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    const first = core.call('inventory.list', { siteId, limit: 10 });
    const second = core.call('inventory.list', { siteId, offset: 10, limit: 10 });
    expect(first.items).toHaveLength(10);
    expect(second.offset).toBe(10);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(20);
    core.call('inventory.receive', { siteId, serial: first.items[0]!.expectedSerial! });
    core.call('inventory.recordSurplus', { siteId, serial: 'EXTRA-1' });
    expect(core.call('inventory.list', { siteId, state: 'received' }).total).toBe(2);
    expect(core.call('inventory.list', { siteId, state: 'surplus' }).items.map((i) => i.foundSerial)).toEqual(['EXTRA-1']);
    expect(core.call('inventory.list', { siteId, state: 'expected' }).total).toBe(40);
  });

  it('the "missing" filter lists exactly what the Missing figure counts: expected items that have not arrived', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    const items = core.call('inventory.list', { siteId, limit: 1000 }).items.filter((i) => !i.isSurplus);
    core.call('inventory.receive', { siteId, serial: items[0]!.expectedSerial! });
    core.call('inventory.setState', { itemId: items[1]!.id, state: 'missing' });
    core.call('inventory.setState', { itemId: items[2]!.id, state: 'damaged' });
    core.call('inventory.setState', { itemId: items[3]!.id, state: 'returned' });
    core.call('inventory.recordSurplus', { siteId, serial: 'EXTRA-2' });
    const reconciliation = core.call('inventory.reconciliation', { siteId });
    const missing = core.call('inventory.list', { siteId, state: 'missing', limit: 1000 });
    expect(reconciliation.missing).toBe(items.length - 2);
    expect(missing.total).toBe(reconciliation.missing);
    expect(missing.items.every((i) => isMissing(i))).toBe(true);
    expect(missing.items.map((i) => i.id)).toContain(items[1]!.id);
  });

  it('refuses pages larger than the contract allows', () => {
    const sample = openSampleCore();
    core = sample.core;
    expect(core.dispatch('inventory.list', { siteId: sample.site.id, limit: 100_000 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});
