import { describe, expect, it } from 'vitest';
import { requirementParamsSchemas } from './requirement-kinds';
import { normalisePath, sensitivePathReason } from './sensitive-paths';

describe('sensitive paths', () => {
  it.each([
    '/etc/shadow',
    '/etc/gshadow-',
    '/etc//./shadow',
    '/ETC/SHADOW',
    '/etc/sudoers',
    '/etc/sudoers.d/90-cloud-init-users',
    '/etc/sudoers.d',
    '/root/.ssh/id_ed25519',
    '/root/.ssh/authorized_keys',
    '/root/.ssh',
    '/home/deploy/.ssh/id_rsa',
    '/home/deploy/.ssh/deploy_key',
    '/etc/ssh/ssh_host_ed25519_key',
    '/etc/ssl/private/pos.key',
    '/etc/ssl/private',
    '/etc/pki/tls/private/server.key',
    '/proc/1/environ',
    '/dev/sda',
    '/home/deploy/.pgpass',
  ])('refuses %s', (path) => {
    expect(sensitivePathReason(path)).toMatch(/holds secrets/);
    const parsed = requirementParamsSchemas.file.safeParse({ path });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/requirements may not read it/);
  });

  it.each([
    '/etc/os-release',
    '/etc/passwd',
    '/etc/ssh/sshd_config',
    '/etc/ssh/ssh_host_ed25519_key.pub',
    '/home/deploy/.ssh/id_rsa.pub',
    '/home/deploy/.ssh/authorized_keys',
    '/opt/pos/config.yml',
  ])('allows %s', (path) => {
    expect(sensitivePathReason(path)).toBeNull();
    expect(requirementParamsSchemas.file.safeParse({ path }).success).toBe(true);
  });

  it('normalises doubled slashes, dot segments and a trailing slash', () => {
    expect(normalisePath('//etc/./ssl//private/')).toBe('/etc/ssl/private');
  });
});

describe('requirement rows', () => {
  it('refuses a file requirement on a shadow-class path with the reason, and keeps good rows', async () => {
    const { requirementRowProblem } = await import('./requirement-rule');
    expect(requirementRowProblem('file', JSON.stringify({ path: '/etc/shadow', contains: ['root:'] }))).toMatch(
      /^Invalid file requirement: path: \/etc\/shadow holds secrets/,
    );
    expect(requirementRowProblem('file', JSON.stringify({ path: '/etc/hosts' }))).toBeNull();
    expect(requirementRowProblem('command', JSON.stringify({ command: 'true' }))).toBeNull();
    expect(requirementRowProblem('bogus', '{}')).toMatch(/Unknown requirement kind/);
    expect(requirementRowProblem('file', '[1]')).toMatch(/JSON object/);
  });
});

describe('requirement rows on the server', () => {
  it('refuses only file requirements on secret paths; other kinds and bad JSON are left to evaluation', async () => {
    const { requirementSecretPathProblem } = await import('./requirement-rule');
    expect(requirementSecretPathProblem('file', JSON.stringify({ path: '/etc//shadow' }))).toMatch(/holds secrets/);
    expect(requirementSecretPathProblem('file', JSON.stringify({ path: '/etc/hosts' }))).toBeNull();
    expect(requirementSecretPathProblem('command', JSON.stringify({ command: 'cat /etc/shadow' }))).toBeNull();
    expect(requirementSecretPathProblem('file', 'not json')).toBeNull();
    expect(requirementSecretPathProblem('some_future_kind', '{}')).toBeNull();
  });
});
