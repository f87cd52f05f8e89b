import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requirementParamsSchemas } from '../../../shared/checks/requirement-kinds';
import { parseGoss } from './parse-goss';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/goss', name), 'utf8');

describe('parseGoss', () => {
  it('imports a realistic goss.yaml, every draft valid, and lists what it left out', () => {
    const result = parseGoss(fixture('realistic.goss.yaml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const counts = result.drafts.reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.kind]: (acc[d.kind] ?? 0) + 1 }), {});
    expect(counts).toEqual({
      file: 3,
      package: 5,
      service: 3,
      port: 4,
      process: 1,
      command: 2,
      http: 1,
      addr: 1,
      dns: 1,
      mount: 2,
      kernel_param: 2,
      user: 1,
      group: 1,
      interface: 1,
    });
    for (const d of result.drafts) expect(requirementParamsSchemas[d.kind].safeParse(d.params).success).toBe(true);
    // Scalars keep their spelling: versions, modes, hashes.
    expect(result.drafts.find((d) => d.source === 'package: nginx')!.params.version).toBe('=1.24.0-2ubuntu7');
    expect(result.drafts.find((d) => d.source === 'file: /etc/ssh/sshd_config')!.params).toMatchObject({
      mode: '0600',
      contains: ['PermitRootLogin no', '/^PasswordAuthentication\\s+no/', '!PermitEmptyPasswords yes'],
    });
    expect(result.drafts.find((d) => d.kind === 'command' && d.description === 'Disk is not read-only')!.params.command).toBe(
      'touch /var/tmp/.goss-rw && rm /var/tmp/.goss-rw',
    );
    // Every attribute is now judged with Goss's meaning: the ones without an Outpost field are kept as matchers.
    expect(result.skipped).toEqual([]);
    const matchers = Object.fromEntries(result.drafts.filter((d) => d.params.matchers).map((d) => [d.source, d.params.matchers]));
    expect(matchers).toEqual({
      'file: /etc/ssh/sshd_config': { filetype: 'file' },
      'command: pos-server --version': { stderr: [] },
      'mount: /var': { opts: ['rw'], filesystem: 'xfs' },
      'mount: /var/lib/pos': { usage: { lt: '90' } },
      'user: deploy': { gid: '1001' },
      'interface: eth0': { addrs: ['10.20.1.10/24'] },
    });
  });

  it('refuses a file with templates, naming each line', () => {
    const result = parseGoss(fixture('templated.goss.yaml'));
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['line 6', 'line 8', 'line 10', 'line 12']);
    expect(result.issues[0]!.message).toBe(
      'Line 6 uses a Goss template ({{ .Vars.pos_port }}): render the file with "goss render" and import the result',
    );
  });

  it('accepts the old spellings contains, resolveable and tcp6 ports', () => {
    const result = parseGoss(fixture('old-spellings.goss.yaml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.drafts.map((d) => [d.kind, d.params])).toEqual([
      ['file', { path: '/etc/hosts', exists: true, contains: ['127.0.0.1', '/^::1\\s+localhost/'] }],
      ['dns', { name: 'localhost', resolvable: true, addresses: ['127.0.0.1'], timeoutSeconds: 10 }],
      ['dns', { name: 'example.com', resolvable: true, timeoutSeconds: 10, type: 'MX' }],
      ['port', { port: 22, protocol: 'tcp6', address: '::', listening: true }],
      ['port', { port: 546, protocol: 'udp6', listening: false }],
      ['service', { name: 'sshd', active: true, enabled: true }],
    ]);
    expect(result.skipped).toEqual([
      { path: 'service: sshd: runlevels', reason: 'Outpost checks systemd services; SysV/OpenRC run levels are not read' },
    ]);
  });

  it('reports YAML errors with their line, and duplicate keys', () => {
    const broken = parseGoss('package:\n  nginx:\n    installed: true\n   bad indent: [\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.issues[0]).toEqual({ path: 'line 4', message: 'Line 4: All mapping items must start at the same column' });
    const duplicate = parseGoss('package:\n  nginx: {installed: true}\n  nginx: {installed: false}\n');
    expect(duplicate).toMatchObject({ ok: false, issues: [{ path: 'line 3', message: 'Line 3: Map keys must be unique' }] });
  });

  it('survives an alias bomb and oversized input with a clear refusal', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(parseGoss(bomb)).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('Could not read the YAML') }] });
    expect(parseGoss(`file:\n${'  /etc/x: {exists: true}\n'.repeat(10_000)}`)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('larger than 200 KB') }],
    });
  });
});
