import { openCore } from '../../core/outpost-core';
import { seededRandom } from '../../core/sample/seeded-random';
import { tempDataDir } from '../support/temp-core';
import { createBulkSite } from '../support/bulk-site';
import { percentile, round, timeEach } from './stats';

export const INVENTORY_ITEMS = 20_000;

/** Search by partial serial and receive scans, through the core's dispatcher, on a 20,000-item site. */
export function benchInventoryCore(): Record<string, number> {
  const dataDir = tempDataDir('outpost-bench');
  const { siteId, serials } = createBulkSite(dataDir, INVENTORY_ITEMS);
  const core = openCore({ dataDir, shell: 'test' });
  const rng = seededRandom(7);

  const queries = Array.from({ length: 300 }, () => {
    const serial = rng.pick(serials);
    const start = rng.int(0, serial.length - 4);
    return serial.slice(start, start + 4).toLowerCase();
  });
  for (const q of queries.slice(0, 20)) core.dispatch('inventory.list', { siteId, query: q, limit: 200 }); // warm-up
  const search = timeEach(queries, (query) => {
    const r = core.dispatch('inventory.list', { siteId, query, limit: 200 });
    if (!r.ok) throw new Error(r.error.message);
  });

  const toScan = Array.from(new Set(Array.from({ length: 600 }, () => rng.pick(serials)))).slice(0, 500);
  const scans = timeEach(toScan, (serial) => {
    const r = core.dispatch('inventory.receive', { siteId, serial });
    if (!r.ok || (r.value as { outcome: string }).outcome !== 'received') throw new Error(`scan of ${serial} was not received`);
  });
  core.close();
  return {
    'inventory.items': INVENTORY_ITEMS,
    'inventory.search_p50_ms': round(percentile(search, 50)),
    'inventory.search_p95_ms': round(percentile(search, 95)),
    'inventory.receive_scan_p50_ms': round(percentile(scans, 50)),
    'inventory.receive_scan_p95_ms': round(percentile(scans, 95)),
  };
}
