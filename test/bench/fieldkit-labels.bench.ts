import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { openSampleCore } from '../support/temp-core';
import { percentile, round } from './stats';

const LABELS = 100;
const ROUNDS = 7;
const WARM_UP = 2;

/**
 * `fieldkit.labels_pdf_100_ms`: median time of `labels.pdf` for 100 labels (Avery L7160, 5 sheets:
 * each label two Code 128 and two QR codes, model and site code) through the core on a real SQLite
 * file, after a warm-up; 100 surplus items with asset tags given by `labels.assignTags`. The
 * reference in the same run, `fieldkit.labels_pdf_1_ms`, is the same call for one label: what
 * every label PDF costs (fonts embedded, the file written) before its first barcode.
 * `fieldkit.labels_pdf_100_cpu_ms` is the process's CPU time for the 100-label call (median).
 */
export async function benchLabelsPdf(): Promise<Record<string, number>> {
  const { core, site } = openSampleCore();
  try {
    const ids: string[] = [];
    for (let i = 0; i < LABELS; i++) {
      const serial = `SUR-${(91_000_117 + i * 7919).toString(36).toUpperCase()}-${String(i).padStart(3, '0')}`;
      ids.push(
        core.call('inventory.recordSurplus', { siteId: site.id, serial, manufacturer: 'Ubiquiti', model: `USW-Lite-${8 + (i % 3) * 8}` })
          .id,
      );
    }
    core.call('labels.assignTags', { siteId: site.id, itemIds: ids });
    const cpu: number[] = [];
    const pdf = async (itemIds: string[]) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const file = await core.callAsync('labels.pdf', { siteId: site.id, itemIds, layout: 'avery_l7160' });
      const ms = performance.now() - t0;
      const used = process.cpuUsage(c0);
      if (itemIds.length === LABELS) cpu.push((used.user + used.system) / 1000);
      if (file.base64.length < 1000) throw new Error('No PDF');
      return ms;
    };
    for (let i = 0; i < WARM_UP; i++) await pdf(ids);
    cpu.length = 0;
    const hundred: number[] = [];
    const one: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      hundred.push(await pdf(ids));
      one.push(await pdf(ids.slice(0, 1)));
    }
    const db = new Database(core.databaseFile, { readonly: true });
    const tagged = (
      db
        .prepare('SELECT count(*) AS n FROM inventory_items WHERE site_id = ? AND asset_tag IS NOT NULL AND is_surplus = 1')
        .get(site.id) as { n: number }
    ).n;
    db.close();
    if (tagged !== LABELS) throw new Error(`Expected ${LABELS} tagged items, found ${tagged}`);
    const median = percentile(hundred, 50);
    const reference = percentile(one, 50);
    return {
      'fieldkit.labels_pdf_100_ms': round(median),
      'fieldkit.labels_pdf_100_max_ms': round(Math.max(...hundred)),
      // CPU time of the process for the same calls: less swayed than wall time by other work on the machine.
      'fieldkit.labels_pdf_100_cpu_ms': round(percentile(cpu, 50)),
      'fieldkit.labels_pdf_1_ms': round(reference),
      'fieldkit.labels_pdf_100_vs_1_ratio': round(median / reference),
    };
  } finally {
    core.close();
  }
}
