import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAN_TEMPLATE_FORMAT, PLAN_TEMPLATE_VERSION } from '../../../shared/plan-template/plan-template-schema';
import { readAdhocRequirements } from './adhoc-requirements';
import { AdhocInputError, distinctLabels, parseTargetSpec, readInventoryTargets, readTargetsFile } from './adhoc-targets';
import { requirementsForHost } from './run-adhoc';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-adhoc-inputs-'));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ad-hoc targets', () => {
  it('parses user@host[:port], a bare host, and bracketed IPv6', () => {
    expect(parseTargetSpec('deploy@pos-01.store.example:2222')).toMatchObject({ user: 'deploy', host: 'pos-01.store.example', port: 2222 });
    expect(parseTargetSpec('10.1.2.3')).toMatchObject({ user: null, host: '10.1.2.3', port: 22 });
    expect(parseTargetSpec('root@[2001:db8::1]:2200')).toMatchObject({ user: 'root', host: '2001:db8::1', port: 2200 });
    expect(parseTargetSpec('fe80::1')).toMatchObject({ host: 'fe80::1', port: 22 });
    for (const bad of ['a@h:0', 'a@h:x', 'a b@h', 'a@h;rm', 'a@']) expect(() => parseTargetSpec(bad), bad).toThrow(AdhocInputError);
  });

  it('reads a --targets file with comments, naming the bad line', () => {
    expect(readTargetsFile(write('t.txt', '# stores\na@h1\n\nb@h2:2200  # backup\n')).map((t) => `${t.user}@${t.host}:${t.port}`)).toEqual([
      'a@h1:22',
      'b@h2:2200',
    ]);
    expect(() => readTargetsFile(write('bad.txt', 'a@h1\na@h2:99999\n'))).toThrow(/bad\.txt:2: .*port/);
  });

  it('reads an INI inventory: ansible_host/port/user/become/key/outpost_role, group vars, --limit; secrets never read', () => {
    const file = write(
      'hosts.ini',
      '[pos]\npos-[1:2] ansible_host=10.0.0.5 outpost_role=till\n[pos:vars]\nansible_user=deploy\nansible_become=yes\nansible_password=hunter2\n[backoffice]\nbo ansible_host=10.0.1.1 ansible_port=2222 ansible_ssh_private_key_file=/keys/bo\n',
    );
    const all = readInventoryTargets(file, undefined);
    expect(all.map((t) => [t.label, t.host, t.port, t.user, t.sudo, t.identityFile, t.role])).toEqual([
      ['pos-1', '10.0.0.5', 22, 'deploy', true, null, 'till'],
      ['pos-2', '10.0.0.5', 22, 'deploy', true, null, 'till'],
      ['bo', '10.0.1.1', 2222, null, false, '/keys/bo', null],
    ]);
    expect(JSON.stringify(all)).not.toContain('hunter2');
    expect(readInventoryTargets(file, 'all:!pos-2').map((t) => t.label)).toEqual(['pos-1', 'bo']);
    expect(() => readInventoryTargets(file, '~pos.*')).toThrow(/--limit form not supported/);
  });

  it('gives repeated labels a #n suffix so reports tell them apart', () => {
    expect(distinctLabels([parseTargetSpec('a@h'), parseTargetSpec('a@h'), parseTargetSpec('b@h')]).map((t) => t.label)).toEqual([
      'a@h',
      'a@h#2',
      'b@h',
    ]);
  });
});

describe('ad-hoc requirements file', () => {
  it('a gossfile: drafts with ids and sources, and what is skipped with its reason', async () => {
    const read = await readAdhocRequirements(write('goss.yaml', 'package:\n  nginx:\n    installed: true\nmatching:\n  x: {}\n'));
    expect(read.format).toBe('gossfile');
    expect(read.requirements).toEqual([expect.objectContaining({ id: 'r001', kind: 'package', role: null, source: 'package: nginx' })]);
    // The reason's wording belongs to the Goss import; here: named, with a reason, not dropped.
    expect(read.skipped).toEqual([{ path: 'matching', reason: expect.stringMatching(/\S/) }]);
  });

  it('a JSON gossfile is read too; a template line is refused with the goss render hint', async () => {
    const json = await readAdhocRequirements(write('goss.json', JSON.stringify({ file: { '/etc/passwd': { exists: true } } })));
    expect(json.requirements.map((r) => r.kind)).toEqual(['file']);
    await expect(readAdhocRequirements(write('t.yaml', 'package:\n  {{ .Vars.pkg }}:\n    installed: true\n'))).rejects.toThrow(
      /goss render/,
    );
  });

  it('an Outpost plan template: its requirements, role ones only for hosts of that outpost_role; invalid params refused', async () => {
    const template = (requirements: unknown[]) =>
      JSON.stringify({
        format: PLAN_TEMPLATE_FORMAT,
        version: PLAN_TEMPLATE_VERSION,
        deployment: { description: '', quietPeriodDays: 0 },
        waves: [],
        components: [],
        requirements,
        checklist: [],
      });
    const read = await readAdhocRequirements(
      write(
        'plan.json',
        template([
          { kind: 'cpu_cores', description: 'Two cores', targetRole: null, params: { min: 2 } },
          { kind: 'package', description: 'Till software', targetRole: 'till', params: { name: 'till-app' } },
        ]),
      ),
    );
    expect(read.format).toBe('outpost-plan-template');
    const till = { ...parseTargetSpec('a@h'), role: 'till' };
    expect(requirementsForHost(read.requirements, till).map((r) => r.description)).toEqual(['Two cores', 'Till software']);
    expect(requirementsForHost(read.requirements, parseTargetSpec('a@h')).map((r) => r.description)).toEqual(['Two cores']);
    await expect(
      readAdhocRequirements(write('bad.json', template([{ kind: 'cpu_cores', description: 'x', targetRole: null, params: { min: 0 } }]))),
    ).rejects.toThrow(/requirements\[0\]/);
  });
});
