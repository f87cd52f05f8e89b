import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TestCore } from '../support/temp-core';
import { csvOf, openSiteImportCore, previewSites, siteRows, SITE_HEADERS, xlsxOf } from './site-import-fixture';

/** The real database file, read (or written, for a state no import may produce) beside the core. */
function sql(core: TestCore, statement: string, ...params: unknown[]): number {
  const db = new Database(core.databaseFile, { readonly: !/^UPDATE/.test(statement) });
  try {
    if (/^UPDATE/.test(statement)) return db.prepare(statement).run(...params).changes;
    return (db.prepare(statement).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('site import', () => {
  it('imports 2,000 sites from a CSV: windows read in site time, waves by name or number, checklists instantiated', async () => {
    const { core, deploymentId } = openSiteImportCore();
    core.call('checklistTemplate.saveItem', { deploymentId, phase: 'before', title: 'Confirm access' });
    const preview = await previewSites(core, deploymentId, 'stores.csv', csvOf(siteRows(2000)));
    expect(preview.mapping).toEqual([
      'code',
      'name',
      'address',
      'timeZone',
      'wave',
      'windowStart',
      'windowEnd',
      'ownerName',
      'ownerEmail',
      'ownerPhone',
      'technicians',
      'notes',
    ]);
    expect(preview.rowErrors).toEqual([]);
    expect(preview.counts).toEqual({ new: 2000, changed: 0, unchanged: 0 });
    expect(core.call('siteImport.commit', { previewId: preview.previewId })).toEqual({ created: 2000, updated: 0, unchanged: 0 });
    const sites = core.call('sites.list', { deploymentId });
    expect(sites).toHaveLength(2000);
    const tokyo = sites.find((s) => s.code === 'S0003')!;
    expect(tokyo).toMatchObject({
      name: 'Store 3',
      timeZone: 'Asia/Tokyo',
      windowStart: '2027-01-03T11:00:00.000Z',
      windowEnd: '2027-01-03T14:30:00.000Z',
      ownerEmail: 'owner3@example.com',
      notes: 'Key at the front desk',
      waveName: 'Pilot',
    });
    expect(tokyo.technicians).toEqual([
      { id: null, name: 'Tech 3' },
      { id: null, name: 'Tech 4' },
    ]);
    expect(sites.find((s) => s.code === 'S0002')!.waveName).toBe('Wave 2');
    expect(tokyo.checklist.total).toBeGreaterThan(0);
    expect(sql(core, "SELECT COUNT(*) AS n FROM activity WHERE entity = 'site' AND action = 'created'")).toBe(2000);
    core.close();
  });

  it('imports the same 2,000 sites from an XLSX workbook', async () => {
    const { core, deploymentId } = openSiteImportCore();
    const preview = await previewSites(core, deploymentId, 'stores.xlsx', await xlsxOf(siteRows(2000)));
    expect(preview.format).toBe('xlsx');
    expect(preview.rowErrors).toEqual([]);
    expect(preview.counts.new).toBe(2000);
    expect(core.call('siteImport.commit', { previewId: preview.previewId }).created).toBe(2000);
    expect(core.call('sites.list', { deploymentId }).find((s) => s.code === 'S2000')).toMatchObject({
      timeZone: 'Australia/Adelaide',
      ownerPhone: '+31 20 555 2000',
    });
    core.close();
  });

  it('reads windows Excel stored as date cells as site time', async () => {
    const { core, deploymentId } = openSiteImportCore();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Stores');
    sheet.addRow(['Code', 'Name', 'Time zone', 'Window start', 'Window end']);
    // Excel keeps a typed "2027-03-01 20:00" as a zone-less serial date; exceljs hands it over as that time in UTC.
    const row = sheet.addRow([
      'NY-1',
      'Broadway',
      'America/New_York',
      new Date(Date.UTC(2027, 2, 1, 20, 0)),
      new Date(Date.UTC(2027, 2, 1, 23, 30)),
    ]);
    row.getCell(4).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(5).numFmt = 'yyyy-mm-dd hh:mm';
    const preview = await previewSites(core, deploymentId, 'dates.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(preview.rowErrors).toEqual([]);
    core.call('siteImport.commit', { previewId: preview.previewId });
    expect(core.call('sites.list', { deploymentId })[0]).toMatchObject({
      windowStart: '2027-03-02T01:00:00.000Z',
      windowEnd: '2027-03-02T04:30:00.000Z',
    });
    core.close();
  });

  it('names every bad row with its row and column and writes nothing', async () => {
    const { core, deploymentId } = openSiteImportCore();
    const rows = siteRows(8);
    rows[1]![3] = 'Europe/Atlantis';
    rows[2]![3] = '';
    rows[3]![6] = rows[3]![5]!.replace('20:00', '19:00');
    rows[5]![0] = rows[4]![0]!;
    rows[6]![4] = 'Wave 9 (summer)';
    const preview = await previewSites(core, deploymentId, 'bad.csv', csvOf(rows));
    const errors = preview.rowErrors.map((e) => ({ row: e.row, column: e.column, message: e.message }));
    expect(errors).toEqual([
      { row: 2, column: 'TZ', message: expect.stringContaining('Unknown time zone "Europe/Atlantis"') },
      { row: 3, column: 'TZ', message: expect.stringContaining('Missing time zone') },
      { row: 4, column: 'Window end', message: expect.stringContaining('must end after it starts') },
      { row: 5, column: 'Store code', message: 'Duplicate code S0005 (also in row 6)' },
      { row: 6, column: 'Store code', message: 'Duplicate code S0005 (also in row 5)' },
      { row: 7, column: 'Wave', message: expect.stringContaining('Unknown wave "Wave 9 (summer)"') },
    ]);
    expect(preview.errorCount).toBe(6);
    const refused = core.core.dispatch('siteImport.commit', { previewId: preview.previewId });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('Nothing imported: 6 rows have errors (first: row 2, TZ') },
    });
    expect(core.call('sites.list', { deploymentId })).toEqual([]);
    core.close();
  });

  it('the preview names the schedule warnings the import would cause (warnings, not blocks)', async () => {
    const { core, deploymentId } = openSiteImportCore();
    const rows = siteRows(4);
    rows[0]![10] = '';
    rows[1]![10] = 'Tech 9';
    rows[1]![5] = rows[0]![5]!;
    rows[1]![6] = rows[0]![6]!;
    rows[1]![3] = rows[0]![3]!;
    rows[2]![10] = 'Tech 9';
    rows[2]![5] = rows[1]![5]!;
    rows[2]![6] = rows[1]![6]!;
    rows[2]![3] = rows[1]![3]!;
    const preview = await previewSites(core, deploymentId, 'stores.csv', csvOf(rows));
    expect(preview.rowErrors).toEqual([]);
    const kinds = preview.warnings.map((w) => `${w.siteCode} ${w.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['S0001 no_technician', 'S0002 technician_overlap', 'S0003 technician_overlap']));
    expect(preview.warningCount).toBe(preview.warnings.length);
    expect(core.call('siteImport.commit', { previewId: preview.previewId }).created).toBe(4);
    core.close();
  });

  it('a file without a time zone column is refused, never read as UTC', async () => {
    const { core, deploymentId } = openSiteImportCore();
    const rows = siteRows(2).map((r) => r.filter((_, i) => i !== 3));
    const preview = await previewSites(
      core,
      deploymentId,
      'no-tz.csv',
      csvOf(
        rows,
        SITE_HEADERS.filter((h) => h !== 'TZ'),
      ),
    );
    expect(preview.fileErrors).toEqual([{ code: 'missing_column', message: expect.stringContaining('time zone') }]);
    expect(core.core.dispatch('siteImport.commit', { previewId: preview.previewId }).ok).toBe(false);
    core.close();
  });

  it('re-import: exactly the 3 changed rows in the diff, one activity entry each; a signed-off site is refused; sites not in the file are left alone', async () => {
    const { core, deploymentId } = openSiteImportCore();
    const rows = siteRows(50);
    const first = await previewSites(core, deploymentId, 'stores.csv', csvOf(rows));
    core.call('siteImport.commit', { previewId: first.previewId });
    const again = await previewSites(core, deploymentId, 'stores.csv', csvOf(rows));
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 50 });
    expect(again.sites).toEqual([]);

    const edited = rows.slice(0, 45).map((r) => [...r]);
    edited[4]![1] = 'Store 5 (renovated)';
    edited[9]![5] = edited[9]![5]!.replace('20:00', '21:00');
    edited[19]![10] = 'Tech 7';
    const before = sql(core, "SELECT COUNT(*) AS n FROM activity WHERE action = 'updated' AND entity = 'site'");
    const diff = await previewSites(core, deploymentId, 'stores.csv', csvOf(edited));
    expect(diff.counts).toEqual({ new: 0, changed: 3, unchanged: 42 });
    expect(diff.untouchedCount).toBe(5);
    expect(diff.sites.map((s) => ({ code: s.code, changes: s.changes }))).toEqual([
      { code: 'S0005', changes: [{ field: 'name', from: 'Store 5', to: 'Store 5 (renovated)' }] },
      { code: 'S0010', changes: [{ field: 'windowStart', from: '2027-01-10 20:00', to: '2027-01-10 21:00' }] },
      { code: 'S0020', changes: [{ field: 'technicians', from: 'Tech 20; Tech 21', to: 'Tech 7' }] },
    ]);
    expect(core.call('siteImport.commit', { previewId: diff.previewId })).toEqual({ created: 0, updated: 3, unchanged: 42 });
    const after = sql(core, "SELECT COUNT(*) AS n FROM activity WHERE action = 'updated' AND entity = 'site'");
    expect(after - before).toBe(3);
    expect(core.call('sites.list', { deploymentId })).toHaveLength(50);

    const signed = core.call('sites.list', { deploymentId }).find((s) => s.code === 'S0008')!;
    expect(sql(core, "UPDATE sites SET status = 'signed_off' WHERE id = ?", signed.id)).toBe(1);
    const refused = edited.map((r) => [...r]);
    refused[7]![7] = 'New owner';
    const blocked = await previewSites(core, deploymentId, 'stores.csv', csvOf(refused));
    expect(blocked.rowErrors).toEqual([{ row: 8, column: 'Owner', message: expect.stringContaining('Site S0008 is signed off') }]);
    expect(core.core.dispatch('siteImport.commit', { previewId: blocked.previewId }).ok).toBe(false);
    expect(core.call('sites.get', { siteId: signed.id }).ownerName).toBe('Owner 8');
    // Unchanged, a signed-off site is fine in the file.
    expect((await previewSites(core, deploymentId, 'stores.csv', csvOf(edited))).rowErrors).toEqual([]);
    core.close();
  });

  it('export → import is an empty diff, as CSV and as XLSX', async () => {
    const { core, deploymentId } = openSiteImportCore();
    const first = await previewSites(core, deploymentId, 'stores.csv', csvOf(siteRows(60)));
    core.call('siteImport.commit', { previewId: first.previewId });
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await core.callAsync('siteImport.export', { deploymentId, format });
      expect(exported.siteCount).toBe(60);
      const back = await previewSites(core, deploymentId, exported.fileName, Buffer.from(exported.dataBase64, 'base64'));
      expect(back.rowErrors).toEqual([]);
      expect(back.counts).toEqual({ new: 0, changed: 0, unchanged: 60 });
      expect(back.sites).toEqual([]);
    }
    const csv = Buffer.from((await core.callAsync('siteImport.export', { deploymentId, format: 'csv' })).dataBase64, 'base64').toString(
      'utf8',
    );
    expect(csv.split('\r\n')[0]).toBe(
      'Code,Name,Address,Time zone,Wave,Window start,Window end,Owner name,Owner e-mail,Owner phone,Technicians,Notes',
    );
    expect(csv).toContain('S0003,Store 3,3 Main Street,Asia/Tokyo,Pilot,2027-01-03 20:00,2027-01-03 23:30');
    core.close();
  });

  it('technicians are matched to the server users by user name; only managers may import', async () => {
    const { core, deploymentId } = openSiteImportCore();
    const user = { id: '0b6c4f1e-2a40-4f3e-9d55-6a1f2b3c4d5e', username: 'tech3', displayName: 'Tess Three', role: 'technician' as const };
    const rows = siteRows(1);
    rows[0]![10] = 'tech3, Someone Else';
    const preview = await core.callAsync('siteImport.preview', {
      deploymentId,
      fileName: 's.csv',
      dataBase64: csvOf(rows).toString('base64'),
      users: [user],
    });
    core.call('siteImport.commit', { previewId: preview.previewId });
    expect(core.call('sites.list', { deploymentId })[0]!.technicians).toEqual([
      { id: user.id, name: 'Tess Three' },
      { id: null, name: 'Someone Else' },
    ]);
    core.call('profile.set', { name: 'Tom Tech', role: 'technician' });
    const refused = await core.core.call('siteImport.preview', {
      deploymentId,
      fileName: 's.csv',
      dataBase64: csvOf(rows).toString('base64'),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    core.close();
  });
});
