import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseGoss } from './parse-goss';

// Every attribute of every resource in the corpus (Goss's manual, its matchers, its Debian 12
// render) is either evaluated (it reaches the requirement's params or its Goss matchers) or named
// in `skipped` with a reason: none is dropped silently.
const CORPUS = path.join(import.meta.dirname, '../../../test/fixtures/goss/corpus');

/** Goss attribute → the Outpost param that carries it (besides `matchers.<attribute>`). */
const PARAM: Record<string, Record<string, string>> = {
  file: {
    exists: 'exists',
    path: 'path',
    mode: 'mode',
    owner: 'owner',
    group: 'group',
    sha256: 'sha256',
    contents: 'contains',
    contains: 'contains',
  },
  package: { installed: 'installed', name: 'name', versions: 'version' },
  service: { name: 'name', enabled: 'enabled', running: 'active' },
  port: { listening: 'listening', ip: 'address', port: 'port' },
  process: { running: 'running', comm: 'name' },
  command: { 'exit-status': 'exitStatus', exec: 'command', stdout: 'stdout', timeout: 'timeoutSeconds' },
  http: {
    url: 'url',
    status: 'status',
    body: 'body',
    'allow-insecure': 'allowInsecure',
    'no-follow-redirects': 'followRedirects',
    timeout: 'timeoutSeconds',
    method: 'method',
    'request-headers': 'requestHeaders',
  },
  addr: { address: 'host', reachable: 'reachable', timeout: 'timeoutSeconds' },
  dns: {
    resolve: 'name',
    resolvable: 'resolvable',
    resolveable: 'resolvable',
    addrs: 'addresses',
    server: 'server',
    timeout: 'timeoutSeconds',
  },
  'kernel-param': { name: 'key', value: 'value' },
  user: { username: 'name', exists: 'exists', uid: 'uid', groups: 'groups', home: 'home', shell: 'shell' },
  group: { groupname: 'name', exists: 'exists', gid: 'gid' },
  mount: { mountpoint: 'mountPoint', exists: 'exists' },
  interface: { name: 'name', exists: 'exists' },
};
/** Read by the import itself, not a check: the description, and Goss's own switch. */
const CONTROL = new Set(['title', 'skip']);
/** Goss empty values that require nothing (and are accepted as such). */
const isEmpty = (v: unknown) => v === '' || v === null || (Array.isArray(v) && v.length === 0);

describe('Goss corpus coverage', () => {
  for (const name of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'))) {
    it(`${name}: every attribute evaluated or named as skipped`, () => {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const result = parseGoss(text);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const doc = parseDocument(text, { schema: 'failsafe' }).toJS() as Record<string, Record<string, Record<string, unknown>>>;
      const skipped = new Set(result.skipped.map((s) => s.path));
      const unaccounted: string[] = [];
      for (const [section, resources] of Object.entries(doc)) {
        if (skipped.has(section)) continue;
        for (const [key, attrs] of Object.entries(resources)) {
          const where = `${section}: ${key}`;
          if (skipped.has(where)) continue;
          const drafts = result.drafts.filter((d) => d.source === where);
          for (const [attr, value] of Object.entries(attrs ?? {})) {
            if (CONTROL.has(attr) || skipped.has(`${where}: ${attr}`)) continue;
            const param = PARAM[section]?.[attr];
            const carried = drafts.some(
              (d) =>
                (param !== undefined && param in d.params) || attr in ((d.params.matchers as Record<string, unknown> | undefined) ?? {}),
            );
            // Empty values as Goss renders them require nothing; a port that must not listen has no addresses.
            if (!carried && !(isEmpty(value) && drafts.length > 0)) unaccounted.push(`${where}: ${attr}`);
          }
        }
      }
      expect(unaccounted).toEqual([]);
    });
  }

  it('the Debian 12 render imports whole, naming only what Outpost refuses', () => {
    const result = parseGoss(fs.readFileSync(path.join(CORPUS, 'debian12-render.goss.yaml'), 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped).toEqual([
      { path: 'mount: /dev: timeout', reason: expect.stringContaining('mountinfo') },
      { path: 'http: https://www.apple.com: proxy', reason: expect.stringContaining('proxy') },
    ]);
    const command = result.drafts.find((d) => d.source === 'command: foobar')!;
    expect(command.params).toMatchObject({ exitStatus: 127, matchers: { stdout: '', stderr: ['sh: 1: foobar: not found'] } });
    expect(result.drafts.filter((d) => d.kind === 'dns').map((d) => d.params.type ?? 'A/AAAA')).toEqual([
      'CAA',
      'CNAME',
      'MX',
      'NS',
      'PTR',
      'SRV',
      'TXT',
      'A/AAAA',
      'A/AAAA',
    ]);
  });

  it("the manual's resources: refused attributes are named with the resource, key and attribute", () => {
    const result = parseGoss(fs.readFileSync(path.join(CORPUS, 'manual-resources.goss.yaml'), 'utf8'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.skipped.map((s) => s.path)).toEqual([
      'addr: tcp://ip-address-or-domain-name:80: local-address',
      'http: https://www.google.com: request-body',
      'service: sshd: runlevels',
    ]);
  });
});
