import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INI_FILE, openTargetImportCore, previewText, readFixture, rowFacts, YAML_FILE } from './target-import-fixture';
import { tempDataDir, type TestCore } from '../support/temp-core';

let open: TestCore | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

function start() {
  const s = openTargetImportCore();
  open = s.core;
  return s;
}

function machines(core: TestCore) {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT t.host_name AS hostName, s.code, t.address, t.port, t.username, t.role FROM target_machines t JOIN sites s ON s.id = t.site_id ORDER BY t.host_name',
      )
      .all() as { hostName: string; code: string; address: string; port: number; username: string; role: string }[];
  } finally {
    db.close();
  }
}

function tableText(core: TestCore, table: string): string {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all());
  } finally {
    db.close();
  }
}

describe('target import: Ansible INI', () => {
  it('previews groups, children, ranges and host vars; names the skipped secrets; asks for the unplaced host', () => {
    const { core, deploymentId } = start();
    const preview = previewText(core, deploymentId, 'stores.ini', readFixture(INI_FILE));
    expect(preview.format).toBe('ansible-ini');
    expect(preview.hostCount).toBe(28);
    expect(preview.counts).toEqual({ new: 27, update: 0, unchanged: 0, unmapped: 1, error: 0 });
    const rows = new Map(rowFacts(preview.hosts).map((r) => [r.host, r]));
    expect(rows.get('pos07.store-014')).toMatchObject({
      site: 'STORE-014',
      from: 'host name',
      address: 'pos07.store-014',
      port: 2222,
      user: 'deploy',
      role: 'pos',
    });
    expect(rows.get('posb.store-027')).toMatchObject({ site: 'STORE-027', port: 22, role: 'pos' });
    expect(rows.get('bo01.store-014')).toMatchObject({
      address: '10.14.0.10',
      role: 'backoffice',
      skipped: ['ansible_become_pass', 'ansible_password'],
      other: ['ansible_python_interpreter', 'ntp_server'],
    });
    expect(rows.get('bo01.store-027')!.skipped).toEqual(['ansible_become_pass', 'api_token']);
    expect(rows.get('scale1')).toMatchObject({ site: 'STORE-027', from: 'group', role: 'scales_027', address: '10.27.0.40' });
    expect(rows.get('printer.lab')).toMatchObject({ site: 'STORE-014', from: 'variable', user: 'lp', role: 'printers' });
    expect(rows.get('kiosk-7')).toMatchObject({ site: null, status: 'unmapped', role: 'unplaced' });
    expect(preview.skippedSecrets).toContainEqual({ host: 'bo01.store-014', variable: 'ansible_password', from: 'host' });
    expect(preview.skippedSecrets).toContainEqual({ host: 'pos01.store-014', variable: 'ansible_become_pass', from: 'group all' });
    expect(preview.skippedSecretCount).toBe(28 + 2);
    expect(JSON.stringify(preview)).not.toMatch(/ANSIBLE_VAULT|abc123/);
  });

  it('refuses to commit with a host without a site, then imports all after the site is chosen; never a secret stored', () => {
    const { core, deploymentId, siteIds } = start();
    const preview = previewText(core, deploymentId, 'stores.ini', readFixture(INI_FILE));
    const refused = core.dispatch('targetImport.commit', { previewId: preview.previewId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/1 host has no site \(first: kiosk-7\)/);
    expect(machines(core)).toHaveLength(0);
    const chosen = core.call('targetImport.preview', {
      deploymentId,
      fileName: 'stores.ini',
      previewId: preview.previewId,
      assignments: [{ hostName: 'kiosk-7', siteId: siteIds['STORE-01']! }],
    });
    expect(chosen.counts).toMatchObject({ new: 28, unmapped: 0 });
    const done = core.call('targetImport.commit', { previewId: preview.previewId });
    expect(done).toMatchObject({ created: 28, updated: 0, unchanged: 0 });
    expect(done.sites).toHaveLength(3);
    const stored = machines(core);
    expect(stored).toHaveLength(28);
    expect(stored.find((m) => m.hostName === 'kiosk-7')).toMatchObject({
      code: 'STORE-01',
      address: '10.0.0.77',
      role: 'unplaced',
      username: 'deploy',
    });
    for (const table of ['target_machines', 'activity', 'target_credentials'])
      expect(tableText(core, table)).not.toMatch(/ANSIBLE_VAULT|abc123|6133356432383437/);
    const db = new Database(core.databaseFile, { readonly: true });
    const activity = db.prepare("SELECT site_id AS siteId, detail FROM activity WHERE action = 'targets_imported'").all() as {
      siteId: string;
      detail: string;
    }[];
    db.close();
    expect(activity).toHaveLength(3);
    expect(JSON.parse(activity.find((a) => a.siteId === siteIds['STORE-014'])!.detail)).toMatchObject({
      fileName: 'stores.ini',
      created: 22,
      updated: 0,
    });
  });

  it('updates a re-imported host by host name at its site, saying what changed, and never duplicates', () => {
    const { core, deploymentId, siteIds } = start();
    const text = readFixture(INI_FILE);
    const first = previewText(core, deploymentId, 'stores.ini', text, { defaultSiteId: siteIds['STORE-01']! });
    core.call('targetImport.commit', { previewId: first.previewId });
    const changed = text
      .replace('bo01.store-014 ansible_host=10.14.0.10', 'bo01.store-014 ansible_host=10.14.0.11')
      .replace('printer.lab ansible_host=10.99.0.5', 'printer.lab ansible_host=10.99.0.5 ansible_port=9022');
    const again = previewText(core, deploymentId, 'stores.ini', changed, { defaultSiteId: siteIds['STORE-01']! });
    expect(again.counts).toEqual({ new: 0, update: 2, unchanged: 26, unmapped: 0, error: 0 });
    const updates = again.hosts.filter((h) => h.status === 'update').map((h) => [h.hostName, h.changes]);
    expect(updates).toEqual([
      ['bo01.store-014', ['address 10.14.0.10 → 10.14.0.11']],
      ['printer.lab', ['port 22 → 9022']],
    ]);
    expect(core.call('targetImport.commit', { previewId: again.previewId })).toMatchObject({ created: 0, updated: 2, unchanged: 26 });
    const stored = machines(core);
    expect(stored).toHaveLength(28);
    expect(stored.find((m) => m.hostName === 'bo01.store-014')!.address).toBe('10.14.0.11');
  });

  it('is all or nothing: a host with an error refuses the commit, and a write failing half-way leaves no machine', () => {
    const { core, deploymentId, siteIds } = start();
    const bad = previewText(core, deploymentId, 'bad.ini', '[pos]\npos1.store-014\npos2.store-014 ansible_host="not an address!"\n');
    expect(bad.counts.error).toBe(1);
    expect(bad.hosts.find((h) => h.hostName === 'pos2.store-014')!.errors).toEqual(['address: Give a host name or an IP address']);
    expect(core.dispatch('targetImport.commit', { previewId: bad.previewId }).ok).toBe(false);
    expect(machines(core)).toHaveLength(0);

    const good = previewText(core, deploymentId, 'stores.ini', readFixture(INI_FILE), { defaultSiteId: siteIds['STORE-01']! });
    // A trigger from outside fails the activity entry written after every machine: the transaction must take them all back.
    const db = new Database(core.databaseFile);
    db.exec(
      "CREATE TRIGGER refuse_import_activity BEFORE INSERT ON activity WHEN NEW.action = 'targets_imported' BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
    );
    db.close();
    const failed = core.dispatch('targetImport.commit', { previewId: good.previewId });
    expect(failed.ok).toBe(false);
    expect(machines(core)).toHaveLength(0);
    expect(tableText(core, 'activity')).not.toMatch(/targets_imported/);
  });

  it('is for release managers and administrators only', () => {
    const { core, deploymentId } = start();
    core.call('profile.set', { name: 'Tom Tech', role: 'technician' });
    const result = core.dispatch('targetImport.preview', {
      deploymentId,
      fileName: 'stores.ini',
      dataBase64: Buffer.from('h1\n').toString('base64'),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
  });

  it('refuses an unreadable inventory with the reason and line', () => {
    const { core, deploymentId } = start();
    const workbook = core.dispatch('targetImport.preview', {
      deploymentId,
      fileName: 'devices.xlsx',
      dataBase64: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]).toString('base64'),
    });
    expect(workbook.ok).toBe(false);
    if (!workbook.ok) expect(workbook.error.message).toMatch(/Excel workbook; save the sheet as CSV/);
    const result = core.dispatch('targetImport.preview', {
      deploymentId,
      fileName: 'hosts',
      dataBase64: Buffer.from('[pos]\npos[01:99999]\n').toString('base64'),
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/Line 2: host range \[01:99999\] must give its start and end with the same number of digits/);
  });
});

describe('target import: YAML and ansible-inventory', () => {
  it('reads the YAML inventory of the same hosts as the INI one', () => {
    const { core, deploymentId } = start();
    const ini = previewText(core, deploymentId, 'stores.ini', readFixture(INI_FILE));
    const yaml = previewText(core, deploymentId, 'stores.yml', readFixture(YAML_FILE));
    expect(yaml.format).toBe('ansible-yaml');
    expect(rowFacts(yaml.hosts)).toEqual(rowFacts(ini.hosts));
    expect(JSON.stringify(yaml)).not.toMatch(/ANSIBLE_VAULT|6133356432383437/);
  });

  it('gives the same preview through the real ansible-inventory --list as through the INI parser', async () => {
    const { core, deploymentId } = start();
    expect(core.call('targetImport.ansibleAvailable', {})).toMatchObject({ available: true });
    const ini = previewText(core, deploymentId, 'stores.ini', readFixture(INI_FILE));
    const viaAnsible = await core.callAsync('targetImport.runAnsible', { deploymentId, source: INI_FILE });
    expect(viaAnsible).toMatchObject({ source: 'ansible-inventory', format: 'ansible-json', hostCount: 28 });
    expect(rowFacts(viaAnsible.hosts)).toEqual(rowFacts(ini.hosts));
    const viaYaml = await core.callAsync('targetImport.runAnsible', { deploymentId, source: YAML_FILE });
    expect(rowFacts(viaYaml.hosts)).toEqual(rowFacts(ini.hosts));
  }, 60_000);

  it("shows ansible-inventory's error output when it fails", async () => {
    const { core, deploymentId } = start();
    const result = await core.core.call('targetImport.runAnsible', { deploymentId, source: '/nonexistent/inventory.ini' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(
        /ansible-inventory failed: it exited with status \d+\n[\s\S]*(Unable to parse|No inventory was parsed)/,
      );
    // Ansible quotes the line it could not parse; the password in it is hidden.
    const broken = path.join(tempDataDir('outpost-broken-inventory'), 'broken.ini');
    fs.writeFileSync(broken, "[pos]\npos1.store-014 ansible_password='hunter2 no closing quote\n");
    const quoted = await core.core.call('targetImport.runAnsible', { deploymentId, source: broken });
    expect(quoted.ok).toBe(false);
    if (!quoted.ok) {
      expect(quoted.error.message).toMatch(/No closing quotation/);
      expect(quoted.error.message).toContain('ansible_password=[hidden]');
      expect(quoted.error.message).not.toContain('hunter2');
    }
  }, 60_000);
});

describe('target import: NetBox and CSV', () => {
  it("reads NetBox's device export: primary IP without its prefix, role, site by name or code", () => {
    const { core, deploymentId } = start();
    const csv = [
      'Name,Status,Tenant,Site,Location,Rack,Role,Manufacturer,Type,IP Address',
      'bo02,Active,Retail,Utrecht Centrum,Back office,R1,Server,Dell,PowerEdge R660xs,10.14.0.12/24',
      'sw01,Active,Retail,STORE-027,Back office,R1,Access switch,Cisco,C9200L-24P,10.27.0.2/24',
      'ups01,Planned,Retail,Nowhere,,,UPS,APC,SMT1500,',
    ].join('\r\n');
    const preview = previewText(core, deploymentId, 'netbox_devices.csv', csv);
    expect(preview.format).toBe('netbox');
    expect(preview.columns?.map((c) => c.field)).toEqual([
      'hostName',
      'ignore',
      'ignore',
      'site',
      'ignore',
      'ignore',
      'role',
      'ignore',
      'ignore',
      'address',
    ]);
    const rows = new Map(rowFacts(preview.hosts).map((r) => [r.host, r]));
    expect(rows.get('bo02')).toMatchObject({ site: 'STORE-014', from: 'column', address: '10.14.0.12', role: 'Server', status: 'new' });
    expect(rows.get('sw01')).toMatchObject({ site: 'STORE-027', address: '10.27.0.2', role: 'Access switch' });
    expect(rows.get('ups01')).toMatchObject({ status: 'error', errors: ['site "Nowhere" is not a site of this deployment'] });
  });

  it('reads a plain CSV, names each bad row, and lets a column be mapped by hand', () => {
    const { core, deploymentId } = start();
    const csv = [
      'host_name,address,port,user,role,site,password',
      'till1,10.14.1.1,22,deploy,pos,STORE-014,hunter2',
      'till2,10.14.1.2,abc,deploy,pos,STORE-014,',
      'till1,10.14.1.3,22,deploy,pos,STORE-014,',
    ].join('\n');
    const preview = previewText(core, deploymentId, 'targets.csv', csv);
    expect(preview.format).toBe('csv');
    expect(preview.counts).toMatchObject({ new: 1, error: 2 });
    expect(preview.hosts[1]!.errors).toEqual(['port "abc" is not a number']);
    expect(preview.hosts[2]!.errors).toEqual(['listed twice for site STORE-014 (first on line/row 1)']);
    expect(preview.skippedSecrets).toEqual([{ host: 'till1', variable: 'password', from: 'column' }]);
    expect(JSON.stringify(preview)).not.toContain('hunter2');
    const remapped = core.call('targetImport.preview', {
      deploymentId,
      fileName: 'targets.csv',
      previewId: preview.previewId,
      mapping: ['hostName', 'address', 'ignore', 'username', 'role', 'site', 'ignore'],
    });
    expect(remapped.counts).toMatchObject({ new: 2, error: 1 });
    expect(remapped.hosts[1]).toMatchObject({ hostName: 'till2', port: 22, status: 'new' });
  });
});
