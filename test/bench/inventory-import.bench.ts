import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openCore, type OutpostCore } from '../../core/outpost-core';
import { IMPORT_CHUNK_MAX_CHARS } from '../../shared/contract/inventory-import-methods';
import { tempDataDir } from '../support/temp-core';
import { round } from './stats';

export const IMPORT_ROWS = 100_000;

const HEADER = 'Asset Tag,Asset Name,Serial Number,Model Name,Model No.,Category,Manufacturer,Location,Status,Order Number';
const MODELS = [
  ['PowerEdge R660xs', 'R660XS', 'Server', 'Dell'],
  ['Catalyst 9200L-24P', 'C9200L-24P-4G', 'Switch', 'Cisco'],
  ['Smart-UPS 1500', 'SMT1500RMI2UC', 'UPS', 'APC'],
  ['TM-T88VII', 'C31CJ57112', 'Printer', 'Epson'],
] as const;

/** A Snipe-IT asset export with `rows` distinct serials. */
export function snipeItCsv(rows: number): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < rows; i += 1) {
    const [model, modelNo, category, maker] = MODELS[i % MODELS.length]!;
    const n = String(i).padStart(6, '0');
    lines.push(
      `BN-${n},asset-${n},BENCH${n}X,${model},${modelNo},${category},${maker},"Server room, row ${i % 40}",Ready to Deploy,PO-${i % 977}`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

function ok<T>(core: OutpostCore, method: string, input: unknown): T {
  const r = core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Upload (chunked) + preview + commit of a 100,000-row Snipe-IT CSV through the core's dispatcher. */
export function benchInventoryImport(): Record<string, number> {
  const core = openCore({ dataDir: tempDataDir('outpost-bench-import'), shell: 'test' });
  ok(core, 'profile.set', { name: 'Bench Release Manager', role: 'release_manager' });
  const { deploymentId } = ok<{ deploymentId: string }>(core, 'sample.open', {});
  const [site] = ok<{ id: string }[]>(core, 'sites.list', { deploymentId });
  const file = snipeItCsv(IMPORT_ROWS);

  const start = performance.now();
  const uploadId = randomUUID();
  const chunkBytes = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;
  for (let index = 0, offset = 0; offset < file.length; index += 1, offset += chunkBytes) {
    ok(core, 'inventoryImport.upload', { uploadId, index, chunkBase64: file.subarray(offset, offset + chunkBytes).toString('base64') });
  }
  const preview = ok<{ previewId: string; rowCount: number; errorCount: number }>(core, 'inventoryImport.preview', {
    deploymentId,
    siteId: site!.id,
    fileName: 'bench.csv',
    uploadId,
  });
  if (preview.rowCount !== IMPORT_ROWS || preview.errorCount !== 0)
    throw new Error(`preview: ${preview.rowCount} rows, ${preview.errorCount} errors`);
  const committed = ok<{ imported: number }>(core, 'inventoryImport.commit', { previewId: preview.previewId });
  const seconds = (performance.now() - start) / 1000;
  if (committed.imported !== IMPORT_ROWS) throw new Error(`imported ${committed.imported}`);
  core.close();
  return { 'import.csv_100k_s': round(seconds, 2), 'import.csv_100k_bytes': file.length };
}
