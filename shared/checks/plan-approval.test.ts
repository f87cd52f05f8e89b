import { describe, expect, it } from 'vitest';
import { boundedProbe, firstLines } from './evidence';
import { approvalFingerprintText, approvalItemsFor, describePendingApproval, fileProbeAllowed } from './plan-approval';

const req = (id: string, kind: string, params: Record<string, unknown>) => ({ id, kind, description: `req ${id}`, params });

describe('what needs approval', () => {
  it('lists commands and file reads outside the allow-list; leaves out invalid params (never run) and other kinds', () => {
    const items = approvalItemsFor([
      req('a', 'command', { command: 'systemctl is-active pos' }),
      req('b', 'file', { path: '/etc/os-release' }),
      req('c', 'file', { path: '/opt//pos/./config.yml' }),
      req('d', 'file', { path: '/etc/shadow' }),
      req('e', 'package', { name: 'nginx' }),
      req('f', 'file', { path: '/var/lib/rpm/rpmdb.sqlite' }),
    ]);
    expect(items).toEqual([
      { requirementId: 'a', description: 'req a', kind: 'command', text: 'systemctl is-active pos' },
      { requirementId: 'c', description: 'req c', kind: 'file', text: '/opt/pos/config.yml' },
    ]);
    expect(fileProbeAllowed('/var/lib/rpm/sub/x')).toBe(false);
  });

  it('fingerprints the exact commands, the user and sudo; not ids, order or repeats', () => {
    const one = approvalItemsFor([req('a', 'command', { command: 'id' }), req('b', 'command', { command: 'uname -r' })]);
    const two = approvalItemsFor([
      req('x', 'command', { command: 'uname -r' }),
      req('y', 'command', { command: 'id' }),
      req('z', 'command', { command: 'id' }),
    ]);
    const runAs = { user: 'deploy', sudo: true };
    expect(approvalFingerprintText(one, runAs)).toBe(approvalFingerprintText(two, runAs));
    expect(approvalFingerprintText(one, runAs)).not.toBe(approvalFingerprintText(one, { user: 'deploy', sudo: false }));
    expect(approvalFingerprintText(one, runAs)).not.toBe(
      approvalFingerprintText(approvalItemsFor([req('a', 'command', { command: 'id ' })]), runAs),
    );
    expect(
      describePendingApproval({ targetId: 't', role: null, label: 'pos-srv-01', user: 'deploy', sudo: true, hash: 'h', items: one }),
    ).toEqual(['This plan will run these commands on pos-srv-01 as deploy (sudo):', '  $ id', '  $ uname -r']);
  });
});

describe('evidence kept of probe answers', () => {
  it('drops file contents and keeps the first lines of output, bounded', () => {
    expect(
      boundedProbe({ kind: 'file', exists: true, mode: '0644', owner: 'root', group: 'root', sha256: 'ab', contents: 'secret' }),
    ).toMatchObject({ contents: null, sha256: 'ab' });
    const long = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n');
    const bounded = boundedProbe({
      kind: 'command',
      exitStatus: 0,
      stdout: long,
      stderr: 'x'.repeat(5000),
      timedOut: false,
      durationMs: 1,
    });
    expect(bounded).toMatchObject({ stdout: `${long.split('\n').slice(0, 20).join('\n')}…` });
    expect((bounded as { stderr: string }).stderr).toHaveLength(1001);
    expect(firstLines('a\nb\n', 2, 100)).toBe('a\nb');
    expect(firstLines('short', 20, 2000)).toBe('short');
  });
});
