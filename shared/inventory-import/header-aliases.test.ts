import { describe, expect, test } from 'vitest';
import { autoMapping, detectLayout, fieldForHeader } from './header-aliases';
import { validateImportRows } from './validate-rows';

describe('inventory import headers', () => {
  test.each([
    ['Serial Number', 'serial'],
    ['  serial no. ', 'serial'],
    ['\uFEFFAsset Tag', 'assetTag'],
    ['MODEL NUMBER', 'modelNumber'],
    ['Item Name', 'name'],
    ['device_type', 'model'],
    ['Device type', 'model'],
    ['Serial number', 'serial'],
    ['Position', 'unit'],
    ['Order Number', 'ignore'],
  ])('%j maps to %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  test('layout detection and first-column-wins mapping', () => {
    expect(detectLayout(['Asset Tag', 'Asset Name', 'Serial Number', 'Model Name'])).toBe('snipe-it');
    expect(detectLayout(['name', 'role', 'device_type', 'serial', 'site'])).toBe('netbox');
    expect(detectLayout(['Name', 'Device role', 'Type', 'Serial number', 'Site', 'Rack'])).toBe('netbox');
    expect(detectLayout(['foo', 'bar'])).toBe('custom');
    expect(autoMapping(['Serial', 'Serial Number', 'Model'])).toEqual(['serial', 'ignore', 'model']);
  });

  test('rows become drafts only when the whole file is clean', () => {
    const result = validateImportRows({
      headers: ['Serial', 'Model', 'Site', 'Rack', 'Position'],
      rows: [
        ['A1', 'M', 'S1', 'R1', '4'],
        ['', '', '', '', ''],
        ['a1', 'M', 'S1', '', 'Till 2'],
      ],
      mapping: ['serial', 'model', 'site', 'rack', 'unit'],
      sites: [{ id: 'site-1', code: 'S1', name: 'Site one' }],
      siteId: null,
      existingSerialKeys: new Set(),
    });
    expect(result.rowCount).toBe(2);
    expect(result.drafts).toEqual([
      { siteId: 'site-1', manufacturer: '', model: 'M', expectedSerial: 'A1', assetTag: null, room: '', rack: 'R1', unit: 'U4' },
    ]);
    expect(result.rowErrors).toEqual([{ row: 3, column: 'Serial', message: 'Duplicate serial a1 (also in row 1)' }]);
  });
});
