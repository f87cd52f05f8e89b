import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importGossFileFromDisk } from './goss-from-disk';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'goss-disk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('importGossFileFromDisk', () => {
  it('follows gossfile includes relative to the including file', async () => {
    await writeFile(join(dir, 'main.yaml'), 'gossfile:\n  sub/ssh.yaml: {}\nfile:\n  /etc/passwd:\n    exists: true\n');
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'ssh.yaml'), 'port:\n  tcp:22:\n    listening: true\n');
    const result = await importGossFileFromDisk(join(dir, 'main.yaml'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.drafts.map((d) => d.source).sort()).toEqual(['file: /etc/passwd', 'port: tcp:22']);
  });
  it('follows an include named by its file attribute and leaves out one marked skip, as Goss does', async () => {
    await writeFile(join(dir, 'main.yaml'), 'gossfile:\n  ssh:\n    file: ssh.yaml\n  old.yaml:\n    skip: true\n');
    await writeFile(join(dir, 'ssh.yaml'), 'process:\n  sshd:\n    running: true\n');
    const result = await importGossFileFromDisk(join(dir, 'main.yaml'));
    expect(result).toMatchObject({ ok: true, drafts: [{ source: 'process: sshd' }] });
  });
  it('refuses an include cycle with the chain', async () => {
    await writeFile(join(dir, 'a.yaml'), 'gossfile:\n  b.yaml: {}\n');
    await writeFile(join(dir, 'b.yaml'), 'gossfile:\n  a.yaml: {}\n');
    const result = await importGossFileFromDisk(join(dir, 'a.yaml'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/include cycle: .*a\.yaml → .*b\.yaml → .*a\.yaml/);
  });
  it('refuses a template by line with the goss render hint', async () => {
    await writeFile(join(dir, 't.yaml'), 'file:\n  {{ .Vars.path }}:\n    exists: true\n');
    const result = await importGossFileFromDisk(join(dir, 't.yaml'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain('goss render');
  });
});
