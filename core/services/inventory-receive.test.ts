import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

function firstSerials(siteId: string, n: number): string[] {
  return core.call('inventory.list', { siteId, limit: n }).items.map((i) => i.expectedSerial!);
}

describe('receiving scanned serials', () => {
  it('marks an exact expected serial received with time and user, ignoring case and spaces', () => {
    const sample = openSampleCore();
    core = sample.core;
    const [serial] = firstSerials(sample.site.id, 1);
    const result = core.call('inventory.receive', { siteId: sample.site.id, serial: `  ${serial!.toLowerCase()} ` });
    expect(result.outcome).toBe('received');
    expect(result.item).toMatchObject({ state: 'received', expectedSerial: serial, receivedBy: 'Test Technician' });
    expect(Date.parse(result.item!.receivedAt!)).not.toBeNaN();
    expect(result.reconciliation).toEqual({ expected: 41, received: 1, missing: 40, surplus: 0, damaged: 0 });
  });

  it('warns on a second scan of the same serial and changes nothing', () => {
    const sample = openSampleCore();
    core = sample.core;
    const [serial] = firstSerials(sample.site.id, 1);
    const first = core.call('inventory.receive', { siteId: sample.site.id, serial: serial! });
    const again = core.call('inventory.receive', { siteId: sample.site.id, serial: serial! });
    expect(again.outcome).toBe('already_received');
    expect(again.item?.receivedAt).toBe(first.item?.receivedAt);
    expect(again.reconciliation.received).toBe(1);
  });

  it('names the site where a serial is expected instead', () => {
    const sample = openSampleCore();
    core = sample.core;
    const other = sample.sites[1]!;
    const [serial] = firstSerials(other.id, 1);
    const result = core.call('inventory.receive', { siteId: sample.site.id, serial: serial! });
    expect(result).toMatchObject({ outcome: 'other_site', item: null, otherSite: { siteId: other.id, code: other.code } });
    expect(core.call('inventory.reconciliation', { siteId: other.id }).received).toBe(0);
  });

  it('reports an unknown serial, then records it as surplus once', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    expect(core.call('inventory.receive', { siteId, serial: 'SURPLUS-0001' }).outcome).toBe('unknown');
    const surplus = core.call('inventory.recordSurplus', { siteId, serial: 'SURPLUS-0001', model: 'Spare switch' });
    expect(surplus).toMatchObject({ isSurplus: true, state: 'received', foundSerial: 'SURPLUS-0001', expectedSerial: null });
    expect(core.call('inventory.reconciliation', { siteId })).toEqual({ expected: 41, received: 0, missing: 41, surplus: 1, damaged: 0 });
    expect(core.call('inventory.receive', { siteId, serial: 'surplus-0001' }).outcome).toBe('already_received');
    const again = core.dispatch('inventory.recordSurplus', { siteId, serial: 'SURPLUS-0001' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses serials a barcode cannot hold, with a typed error', () => {
    const sample = openSampleCore();
    core = sample.core;
    const result = core.dispatch('inventory.receive', { siteId: sample.site.id, serial: 'ABC\u0007DEF' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('counts damaged items as arrived and keeps the note of a state change', () => {
    const sample = openSampleCore();
    core = sample.core;
    const item = core.call('inventory.list', { siteId: sample.site.id, limit: 1 }).items[0]!;
    const damaged = core.call('inventory.setState', { itemId: item.id, state: 'damaged', note: 'Cracked bezel' });
    expect(damaged).toMatchObject({ state: 'damaged', note: 'Cracked bezel', receivedBy: 'Test Technician' });
    expect(core.call('inventory.reconciliation', { siteId: sample.site.id })).toMatchObject({ received: 1, damaged: 1, missing: 40 });
  });

  it('keeps the trigger-maintained counters equal to a full recount', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    const items = core.call('inventory.list', { siteId, limit: 10 }).items;
    core.call('inventory.receive', { siteId, serial: items[0]!.expectedSerial! });
    core.call('inventory.receive', { siteId, serial: items[1]!.expectedSerial! });
    core.call('inventory.setState', { itemId: items[1]!.id, state: 'installed' });
    core.call('inventory.setState', { itemId: items[2]!.id, state: 'damaged' });
    core.call('inventory.setState', { itemId: items[3]!.id, state: 'missing' });
    core.call('inventory.recordSurplus', { siteId, serial: 'EXTRA-9' });
    const raw = new Database(core.databaseFile, { readonly: true });
    const recount = raw
      .prepare(
        `SELECT sum(is_surplus = 0) AS expected,
                sum(is_surplus = 0 AND state IN ('received','installed','verified','damaged')) AS received,
                sum(is_surplus = 1) AS surplus, sum(state = 'damaged') AS damaged
         FROM inventory_items WHERE site_id = ?`,
      )
      .get(siteId) as { expected: number; received: number };
    raw.close();
    expect(core.call('inventory.reconciliation', { siteId })).toEqual({ ...recount, missing: recount.expected - recount.received });
    expect(recount).toEqual({ expected: 41, received: 3, surplus: 1, damaged: 1 });
    expect(core.call('sites.get', { siteId }).inventory).toEqual({ done: 3, total: 41 });
  });
});
