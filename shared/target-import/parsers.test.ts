import { describe, expect, it } from 'vitest';
import { expandHostPattern } from './host-range';
import { InventoryError } from './limits';
import { parseAnsibleIni, shlexSplit } from './parse-ini';
import { parseAnsibleYaml } from './parse-yaml';
import { resolveTargets } from './resolve-targets';
import { SiteIndex } from './site-match';
import { autoTargetMapping, looksLikeNetbox } from './table-fields';
import { detectTextKind } from './formats';
import { redactSecrets } from './secrets';

describe('host ranges', () => {
  it('expands numbers with their width, letters, steps and several ranges', () => {
    expect(expandHostPattern('pos[01:03].store-014')).toEqual(['pos01.store-014', 'pos02.store-014', 'pos03.store-014']);
    expect(expandHostPattern('node[a:c]')).toEqual(['nodea', 'nodeb', 'nodec']);
    expect(expandHostPattern('web[1:9:4]')).toEqual(['web1', 'web5', 'web9']);
    expect(expandHostPattern('r[1:2]-p[1:2]')).toEqual(['r1-p1', 'r1-p2', 'r2-p1', 'r2-p2']);
  });
  it('refuses backwards, mixed-width and oversized ranges', () => {
    expect(() => expandHostPattern('h[5:1]')).toThrow(/backwards/);
    expect(() => expandHostPattern('h[01:100]')).toThrow(/same number of digits/);
    expect(() => expandHostPattern('h[0:10000]')).toThrow(/more than 10000/);
    expect(() => expandHostPattern('h[0:200]x[0:200]')).toThrow(InventoryError);
  });
});

describe('INI', () => {
  it('splits host lines like shlex: quotes, escapes and comments', () => {
    expect(shlexSplit(`h1 a="x y" b='$V;1' c=d # note`, 1)).toEqual(['h1', 'a=x y', 'b=$V;1', 'c=d']);
    expect(() => shlexSplit(`h1 a='open`, 3)).toThrow(/Line 3: no closing quotation/);
  });
  it('refuses an unknown section kind, a loop in children and an overlong line, naming the line', () => {
    expect(() => parseAnsibleIni('[g:hostvars]\nh1')).toThrow(/Line 1: .*only :vars and :children/);
    expect(() => parseAnsibleIni('[a:children]\nb\n[b:children]\na\n')).toThrow(/own ancestor/);
    expect(() => parseAnsibleIni(`[g]\nh ${'x'.repeat(70_000)}=1`)).toThrow(/Line 2: longer than/);
  });
  it('merges vars by depth and drops secrets to their names', () => {
    const hosts = parseAnsibleIni(
      '[all:vars]\nansible_user=a\nsudo_pass=x\n[p:children]\nc\n[p:vars]\nansible_user=b\n[c]\nh1 ansible_user=c db_password=y\nh2\n[c:vars]\nansible_port=2200\n',
    );
    const h1 = hosts.find((h) => h.name === 'h1')!;
    const h2 = hosts.find((h) => h.name === 'h2')!;
    expect(h1.vars.get('ansible_user')).toBe('c');
    expect(h2.vars.get('ansible_user')).toBe('b');
    expect(h2.vars.get('ansible_port')).toBe('2200');
    expect(h1.skipped.map((s) => `${s.variable}@${s.from}`).sort()).toEqual(['db_password@host', 'sudo_pass@group all']);
    expect([...h1.vars.values()]).not.toContain('x');
    expect(h1.groups).toEqual([
      { name: 'p', depth: 1, direct: false },
      { name: 'c', depth: 2, direct: true },
    ]);
  });
});

describe('YAML', () => {
  it('reads !vault values as secrets without keeping them', () => {
    const hosts = parseAnsibleYaml(
      'all:\n  hosts:\n    h1:\n      token_x: !vault |\n        $ANSIBLE_VAULT;1.1;AES256\n        6133\n      plain: 1\n',
    );
    expect(hosts[0]!.skipped).toEqual([{ host: 'h1', variable: 'token_x', from: 'host' }]);
    expect(hosts[0]!.vars.get('plain')).toBe(1);
  });
  it('refuses a group with unknown keys', () => {
    expect(() => parseAnsibleYaml('all:\n  host:\n    h1:\n')).toThrow(/only hosts, vars and children/);
  });
});

describe('sites and roles', () => {
  const sites = [
    { id: 's14', code: 'STORE-014', name: 'Utrecht Centrum' },
    { id: 's1', code: 'STORE-01', name: 'Store one' },
    { id: 's27', code: 'STORE-027', name: 'Amersfoort' },
  ];
  it('finds a code only as whole parts of a host name', () => {
    const index = new SiteIndex(sites);
    expect(index.inHostName('pos01.store-014').map((s) => s.code)).toEqual(['STORE-014']);
    expect(index.inHostName('pos01.store-0145')).toEqual([]);
    expect(index.group('store_027')?.code).toBe('STORE-027');
  });
  it('places by variable, then group, then host name; asks for the rest', () => {
    const hosts = parseAnsibleIni(
      '[store_027]\na.store-014\n[web]\nb.store-014 site="Amersfoort"\nc\n[web:children]\nweb_deep\n[web_deep]\nd.store-01\n',
    );
    const rows = resolveTargets({ hosts, sites, existing: [] });
    const by = new Map(rows.map((r) => [r.hostName, r]));
    expect([by.get('a.store-014')!.siteCode, by.get('a.store-014')!.siteFrom]).toEqual(['STORE-027', 'group']);
    expect([by.get('b.store-014')!.siteCode, by.get('b.store-014')!.siteFrom, by.get('b.store-014')!.role]).toEqual([
      'STORE-027',
      'variable',
      'web',
    ]);
    expect(by.get('c')!.status).toBe('unmapped');
    expect([by.get('d.store-01')!.siteCode, by.get('d.store-01')!.role]).toEqual(['STORE-01', 'web_deep']);
    expect(by.get('a.store-014')!.role).toBe('');
    const chosen = resolveTargets({ hosts, sites, existing: [], assignments: new Map([['c', 's1']]) });
    expect(chosen.find((r) => r.hostName === 'c')).toMatchObject({ siteCode: 'STORE-01', siteFrom: 'chosen', status: 'new' });
  });
  it('names an unknown site variable and a bad port as errors', () => {
    const rows = resolveTargets({ hosts: parseAnsibleIni('h1 outpost_site=NOPE\nh2.store-014 ansible_port=ssh\n'), sites, existing: [] });
    expect(rows[0]!.errors).toEqual(['outpost_site "NOPE" is not a site of this deployment']);
    expect(rows[1]!.errors[0]).toMatch(/port "ssh" is not a number/);
  });
});

describe('tables and detection', () => {
  it("maps NetBox's device export labels", () => {
    const headers = ['Name', 'Status', 'Tenant', 'Site', 'Location', 'Rack', 'Role', 'Manufacturer', 'Type', 'IP Address'];
    expect(looksLikeNetbox(headers)).toBe(true);
    expect(autoTargetMapping(headers)).toEqual([
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
    expect(looksLikeNetbox(['host_name', 'address', 'port', 'user', 'role', 'site'])).toBe(false);
  });
  it('tells the formats apart by name and content', () => {
    expect(detectTextKind('hosts', '[web]\nh1\n')).toBe('ansible-ini');
    expect(detectTextKind('inv', '# c\nall:\n  hosts:\n')).toBe('ansible-yaml');
    expect(detectTextKind('x.json', '')).toBe('ansible-json');
    expect(detectTextKind('export', 'Name,Site,IP Address\n')).toBe('table');
    expect(detectTextKind('hosts', 'h1 ansible_host=1.2.3.4\n')).toBe('ansible-ini');
  });
});

describe('redacting error output', () => {
  it('hides secret assignments and vault blobs that ansible-inventory quotes', () => {
    const stderr =
      "/tmp/inv.ini:7: Error parsing host definition 'srv01 ansible_host=10.1.1.5 ansible_password='hunter2 x': No closing quotation\nbecome_pass: s3cret\nvalue $ANSIBLE_VAULT;1.1;AES256;6133";
    const shown = redactSecrets(stderr);
    expect(shown).not.toMatch(/hunter2|s3cret|6133/);
    expect(shown).toContain('ansible_host=10.1.1.5');
    expect(shown).toContain('ansible_password=[hidden]');
    expect(shown).toContain('[vault value hidden]');
  });
});

describe('site variables', () => {
  const sites = [{ id: 's14', code: 'STORE-014', name: 'Utrecht Centrum' }];
  it('passes over a plain `site` that names no site, but not an `outpost_site`', () => {
    const rows = resolveTargets({
      hosts: parseAnsibleIni('a.store-014 site=dc-west\nb site=store-014\nc outpost_site=dc-west\n'),
      sites,
      existing: [],
    });
    expect(rows.map((r) => [r.hostName, r.siteCode, r.siteFrom, r.status])).toEqual([
      ['a.store-014', 'STORE-014', 'host name', 'new'],
      ['b', 'STORE-014', 'variable', 'new'],
      ['c', null, null, 'error'],
    ]);
  });
  it('refuses groups nested past the bound', () => {
    const deep = Array.from({ length: 600 }, (_, i) => `[g${i}:children]\ng${i + 1}`).join('\n');
    expect(() => parseAnsibleIni(`${deep}\n[g600]\nh1\n`)).toThrow(/nested more than 500 deep/);
  });
});
