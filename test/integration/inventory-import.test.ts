import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ApiInput } from '../../shared/contract';
import { openSampleCore } from '../support/temp-core';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'inventory');
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

function sample() {
  const s = openSampleCore();
  opened.push(s.core);
  return s;
}

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
}

function countItems(core: ReturnType<typeof sample>['core'], siteIds: readonly string[]): number {
  return siteIds.reduce((n, siteId) => n + core.call('inventory.list', { siteId, limit: 1 }).total, 0);
}

describe('inventory import of good files', () => {
  test('Snipe-IT import headers into the chosen site: preview, then commit everything', () => {
    const { core, deploymentId, site } = sample();
    const before = core.call('inventory.list', { siteId: site.id, limit: 1 }).total;
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'snipeit-import-headers.csv',
      dataBase64: fixture('snipeit-import-headers.csv'),
    });
    expect(preview).toMatchObject({
      status: 'ready',
      layout: 'snipe-it',
      format: 'csv',
      delimiter: ',',
      rowCount: 5,
      validCount: 5,
      errorCount: 0,
      fileErrors: [],
    });
    expect(preview.mapping.slice(0, 9)).toEqual([
      'assetTag',
      'name',
      'serial',
      'model',
      'modelNumber',
      'category',
      'manufacturer',
      'room',
      'status',
    ]);
    const result = core.call('inventoryImport.commit', { previewId: preview.previewId });
    expect(result).toEqual({ imported: 5, sites: [{ siteId: site.id, count: 5 }] });
    expect(core.call('inventory.list', { siteId: site.id, limit: 1 }).total).toBe(before + 5);
    const found = core.call('inventory.list', { siteId: site.id, query: 'IMPSN0005' }).items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      manufacturer: 'Epson',
      model: 'TM-T88VII',
      assetTag: 'IMP-0005',
      room: 'Shop floor, till 1',
      state: 'expected',
    });
    // A preview is used once.
    const again = core.dispatch('inventoryImport.commit', { previewId: preview.previewId });
    expect(again.ok).toBe(false);
  });

  test('Snipe-IT aliases in any case, quoted fields with commas and quotes; model number stands in for a missing model', () => {
    const { core, deploymentId, site } = sample();
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'a.csv',
      dataBase64: fixture('snipeit-aliases.csv'),
    });
    expect(preview).toMatchObject({ layout: 'snipe-it', rowCount: 3, errorCount: 0 });
    expect(preview.mapping).toEqual(['name', 'serial', 'model', 'modelNumber', 'manufacturer', 'room', 'assetTag']);
    core.call('inventoryImport.commit', { previewId: preview.previewId });
    const pc = core.call('inventory.list', { siteId: site.id, query: 'IMPAL0003' }).items[0];
    expect(pc).toMatchObject({ model: 'OptiPlex 7010', room: 'Back office, desk "A"', assetTag: 'ALS-0003' });
  });

  test('NetBox import headers spread rows over sites by code (any case), with rack and position', () => {
    const { core, deploymentId, sites } = sample();
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      fileName: 'nb.csv',
      dataBase64: fixture('netbox-import-headers.csv'),
    });
    expect(preview).toMatchObject({ layout: 'netbox', rowCount: 4, errorCount: 0, siteId: null });
    const result = core.call('inventoryImport.commit', { previewId: preview.previewId });
    const ams = sites.find((s) => s.code === 'AMS-001')!;
    const utr = sites.find((s) => s.code === 'UTR-002')!;
    expect(result.sites).toEqual(
      expect.arrayContaining([
        { siteId: ams.id, count: 2 },
        { siteId: utr.id, count: 2 },
      ]),
    );
    const fw = core.call('inventory.list', { siteId: utr.id, query: 'IMPNB0003' }).items[0];
    expect(fw).toMatchObject({
      manufacturer: 'Fortinet',
      model: 'FortiGate 100F',
      assetTag: 'NB-0003',
      room: 'Server room',
      rack: 'R1',
      unit: 'U20',
    });
  });

  test('NetBox export labels: site by name or code, "Type" is the model, decimal positions', () => {
    const { core, deploymentId, sites } = sample();
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      fileName: 'netbox_devices.csv',
      dataBase64: fixture('netbox-export-labels.csv'),
    });
    expect(preview).toMatchObject({ layout: 'netbox', rowCount: 3, errorCount: 0 });
    core.call('inventoryImport.commit', { previewId: preview.previewId });
    const bru = sites.find((s) => s.code === 'BRU-003')!;
    expect(core.call('inventory.list', { siteId: bru.id, query: 'IMPNE0003' }).items[0]).toMatchObject({
      model: 'Catalyst 9200L-24P',
      rack: 'R1',
      unit: 'U12',
    });
    expect(core.call('inventory.list', { siteId: sites[0]!.id, query: 'IMPNE000' }).total).toBe(2);
  });

  test('semicolons, a byte order mark, quoted semicolons and a trailing delimiter', () => {
    const { core, deploymentId, site } = sample();
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 's.csv',
      dataBase64: fixture('semicolon-bom-trailing.csv'),
    });
    expect(preview).toMatchObject({
      delimiter: ';',
      layout: 'snipe-it',
      headers: ['Asset Tag', 'Serial Number', 'Model Name', 'Manufacturer', 'Location'],
      rowCount: 3,
      errorCount: 0,
    });
    core.call('inventoryImport.commit', { previewId: preview.previewId });
    expect(core.call('inventory.list', { siteId: site.id, query: 'IMPSC0002' }).items[0]).toMatchObject({
      model: 'Catalyst 9200L; 24 ports',
      room: 'Comms; cupboard',
    });
  });

  test('a manual mapping overrides the detected one', () => {
    const { core, deploymentId, site } = sample();
    const first = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'm.csv',
      dataBase64: fixture('missing-serial-column.csv'),
    });
    expect(first.fileErrors.map((e) => e.code)).toEqual(['missing_column']);
    // Use the asset name column as the serial.
    const remapped = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'm.csv',
      previewId: first.previewId,
      mapping: ['assetTag', 'serial', 'model', 'manufacturer', 'room'],
    });
    expect(remapped).toMatchObject({ previewId: first.previewId, fileErrors: [], validCount: 2, layout: 'snipe-it' });
    expect(core.call('inventoryImport.commit', { previewId: first.previewId }).imported).toBe(2);
    expect(core.call('inventory.list', { siteId: site.id, query: 'ams-srv-10' }).items[0]?.expectedSerial).toBe('ams-srv-10');
  });
});

describe('refused imports write nothing', () => {
  test('duplicate serials in the file and against the deployment are row errors; commit is refused', () => {
    const { core, deploymentId, site, sites } = sample();
    const before = countItems(
      core,
      sites.map((s) => s.id),
    );
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'd.csv',
      dataBase64: fixture('duplicate-serials.csv'),
    });
    expect(preview.rowErrors).toEqual([
      { row: 2, column: 'Serial Number', message: 'Duplicate serial impdu0001 (also in row 1)' },
      { row: 3, column: 'Serial Number', message: 'Serial SUBZB7P is already expected in this deployment' },
    ]);
    expect(preview).toMatchObject({ rowCount: 4, validCount: 2, errorCount: 2 });
    const result = core.dispatch('inventoryImport.commit', { previewId: preview.previewId });
    expect(result).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(!result.ok && result.error.message).toMatch(/Nothing imported: 2 rows have errors/);
    expect(
      countItems(
        core,
        sites.map((s) => s.id),
      ),
    ).toBe(before);
  });

  test('unknown site, bad position and missing serial are row errors', () => {
    const { core, deploymentId, sites } = sample();
    const before = countItems(
      core,
      sites.map((s) => s.id),
    );
    const preview = core.call('inventoryImport.preview', { deploymentId, fileName: 'b.csv', dataBase64: fixture('netbox-bad-values.csv') });
    expect(preview.rowErrors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'site', 'Unknown site "ZRH-999"'],
      [3, 'position', 'Bad position "top" in rack R1: a rack unit number such as 12'],
      [4, 'serial', 'Missing serial'],
    ]);
    expect(core.dispatch('inventoryImport.commit', { previewId: preview.previewId }).ok).toBe(false);
    expect(
      countItems(
        core,
        sites.map((s) => s.id),
      ),
    ).toBe(before);
  });

  test('a missing serial column is a file error and the commit is refused', () => {
    const { core, deploymentId, site } = sample();
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      siteId: site.id,
      fileName: 'm.csv',
      dataBase64: fixture('missing-serial-column.csv'),
    });
    expect(preview.fileErrors[0]?.message).toMatch(/Missing required column: expected serial/);
    const result = core.dispatch('inventoryImport.commit', { previewId: preview.previewId });
    expect(result).toMatchObject({ ok: false, error: { code: 'rule' } });
  });

  test('a file without a site column needs a chosen site', () => {
    const { core, deploymentId } = sample();
    const preview = core.call('inventoryImport.preview', {
      deploymentId,
      fileName: 's.csv',
      dataBase64: fixture('snipeit-import-headers.csv'),
    });
    expect(preview.fileErrors.map((e) => e.code)).toEqual(['no_site']);
  });

  test.each([
    ['wrong-delimiter.tsv', 'validation', /not separated by commas or semicolons \(found tabs\)/],
    ['binary-junk.bin', 'validation', /not a CSV or XLSX file|not a UTF-8 CSV/],
  ])('%s is refused with a clear typed error', (name, code, message) => {
    const { core, deploymentId, site } = sample();
    const input: ApiInput<'inventoryImport.preview'> = { deploymentId, siteId: site.id, fileName: name, dataBase64: fixture(name) };
    const result = core.dispatch('inventoryImport.preview', input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(!result.ok && result.error.message).toMatch(message);
  });
});
