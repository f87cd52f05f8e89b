import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, test } from 'vitest';
import type { ApiOutput } from '../../shared/contract';
import { IMPORT_CHUNK_MAX_CHARS } from '../../shared/contract/inventory-import-methods';
import { openSampleCore, openTestCore, type TestCore } from '../support/temp-core';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

function track<T extends { close(): void }>(core: T): T {
  opened.push(core);
  return core;
}

/** Sends a file in base64 chunks that fit one call; returns the first failure, if any. */
function upload(core: TestCore, data: Buffer): { uploadId: string; error: string | null } {
  const uploadId = randomUUID();
  const chunkBytes = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;
  for (let index = 0, offset = 0; offset < data.length; index += 1, offset += chunkBytes) {
    const result = core.dispatch('inventoryImport.upload', {
      uploadId,
      index,
      chunkBase64: data.subarray(offset, offset + chunkBytes).toString('base64'),
    });
    if (!result.ok) return { uploadId, error: `${result.error.code}: ${result.error.message}` };
  }
  return { uploadId, error: null };
}

async function waitReady(core: TestCore, previewId: string): Promise<ApiOutput<'inventoryImport.getPreview'>> {
  for (let i = 0; i < 200; i += 1) {
    const p = core.call('inventoryImport.getPreview', { previewId });
    if (p.status !== 'parsing') return p;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('workbook still parsing');
}

describe('inventory import: big files, workbooks and the way back', () => {
  test('a 50 MB file is refused during the upload and nothing is written', () => {
    const { core, deploymentId, site } = openSampleCore();
    track(core);
    const before = core.call('inventory.list', { siteId: site.id, limit: 1 }).total;
    const line = 'TAG,NAME,SERIAL,Model,Model no,Category,Dell,Server room,Pending,PO\n';
    const big = Buffer.from(
      `Asset Tag,Asset Name,Serial Number,Model Name,Model No.,Category,Manufacturer,Location,Status,Order Number\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`,
    );
    expect(big.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const sent = upload(core, big);
    expect(sent.error).toMatch(/^payload_too_large: The file is 32\.\d MB; the limit is 32 MB/);
    const preview = core.dispatch('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'big.csv',
      uploadId: sent.uploadId,
    });
    expect(preview).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.call('inventory.list', { siteId: site.id, limit: 1 }).total).toBe(before);
  });

  test('a chunked upload previews and imports like a small file', () => {
    const { core, deploymentId, site } = openSampleCore();
    track(core);
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `CH-${i},,CHSN${String(i).padStart(6, '0')},Model X,,Server,Dell,Server room,Pending,`,
    );
    const csv = Buffer.from(
      `Asset Tag,Asset Name,Serial Number,Model Name,Model No.,Category,Manufacturer,Location,Status,Order Number\n${rows.join('\n')}\n`,
    );
    const sent = upload(core, csv);
    expect(sent.error).toBeNull();
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'chunked.csv',
      uploadId: sent.uploadId,
    });
    expect(preview).toMatchObject({ rowCount: 3000, errorCount: 0 });
    expect(core.call('inventoryImport.commit', { previewId: preview.previewId }).imported).toBe(3000);
    // Chunks must come in order.
    const out = core.dispatch('inventoryImport.upload', { uploadId: randomUUID(), index: 3, chunkBase64: 'QUJD' });
    expect(out).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  test('the first sheet of an XLSX workbook is read in the background, then imported', async () => {
    const { core, deploymentId, sites } = openSampleCore();
    track(core);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Devices');
    sheet.addRow(['Name', 'Device role', 'Manufacturer', 'Device type', 'Serial number', 'Asset tag', 'Site', 'Rack', 'Position']);
    sheet.addRow(['ams-x-01', 'Server', 'Dell', 'PowerEdge R760', 'XLSXSN01', 'XL-01', 'AMS-001', 'R3', 7]);
    sheet.addRow(['utr-x-01', 'Server', 'Dell', 'PowerEdge R760', 'XLSXSN02', 'XL-02', 'UTR-002', 'R3', 9]);
    workbook.addWorksheet('Notes').addRow(['ignored']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const started = core.call('inventoryImport.preview', { deploymentId, fileName: 'devices.xlsx', dataBase64: data.toString('base64') });
    expect(started.status).toBe('parsing');
    const preview = await waitReady(core, started.previewId);
    expect(preview).toMatchObject({ status: 'ready', format: 'xlsx', layout: 'netbox', rowCount: 2, errorCount: 0 });
    core.call('inventoryImport.commit', { previewId: preview.previewId });
    const utr = sites.find((s) => s.code === 'UTR-002')!;
    expect(core.call('inventory.list', { siteId: utr.id, query: 'XLSXSN02' }).items[0]).toMatchObject({
      model: 'PowerEdge R760',
      rack: 'R3',
      unit: 'U9',
    });
  });

  test('a broken workbook fails with a reason', async () => {
    const { core, deploymentId, site } = openSampleCore();
    track(core);
    const junk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const started = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'broken.xlsx',
      dataBase64: junk.toString('base64'),
    });
    const preview = await waitReady(core, started.previewId);
    expect(preview.status).toBe('failed');
    expect(preview.failure?.message).toMatch(/not a readable XLSX workbook/);
    expect(core.dispatch('inventoryImport.commit', { previewId: started.previewId })).toMatchObject({ ok: false, error: { code: 'rule' } });
  });

  test.each(['snipe-it', 'netbox'] as const)('round trip: export a site as %s, import it into a fresh deployment', (layout) => {
    const { core, site } = openSampleCore();
    track(core);
    const exported = core.call('inventoryImport.export', { siteId: site.id, layout });
    expect(exported.rowCount).toBeGreaterThan(10);
    expect(exported.fileName).toBe(`${site.code}-inventory-${layout}.csv`);

    const fresh = track(openTestCore());
    const deployment = fresh.call('deployments.create', { name: 'Round trip' });
    const target = fresh.call('sites.create', { deploymentId: deployment.id, code: site.code, name: site.name });
    const preview = fresh.call('inventoryImport.preview', {
      deploymentId: deployment.id,
      siteId: target.id,
      fileName: exported.fileName,
      dataBase64: Buffer.from(exported.csv).toString('base64'),
    });
    expect(preview).toMatchObject({ layout, rowCount: exported.rowCount, errorCount: 0, fileErrors: [] });
    fresh.call('inventoryImport.commit', { previewId: preview.previewId });

    const pick = (i: ApiOutput<'inventory.list'>['items'][number]) =>
      layout === 'netbox'
        ? [i.expectedSerial, i.manufacturer, i.model, i.assetTag, i.room, i.rack, i.unit]
        : [i.expectedSerial, i.manufacturer, i.model, i.assetTag, i.room];
    const original = core
      .call('inventory.list', { siteId: site.id, limit: 1000 })
      .items.filter((i) => !i.isSurplus)
      .map(pick);
    const imported = fresh.call('inventory.list', { siteId: target.id, limit: 1000 }).items.map(pick);
    const sort = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sort(imported)).toEqual(sort(original));
  });
});
