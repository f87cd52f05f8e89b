import { describe, expect, it } from 'vitest';
import { applyUnitAliases, digRecord, gossFiletype, parseMountinfoLine } from './parse-goss-probes';

describe('Goss probe answers', () => {
  it('reads a mountinfo line: per-mount options, super options, source and type (spaces unescaped)', () => {
    expect(parseMountinfoLine('27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard')).toEqual({
      mountPoint: '/',
      opts: ['rw', 'relatime'],
      vfsOpts: ['rw', 'discard'],
      source: '/dev/vda',
      filesystem: 'ext4',
    });
    expect(parseMountinfoLine('36 25 0:32 / /mnt/my\\040disk rw,nosuid shared:1 - tmpfs tmpfs rw,size=1024k')?.mountPoint).toBe(
      '/mnt/my disk',
    );
    expect(parseMountinfoLine('garbage')).toBeNull();
  });
  it("maps stat's file types to Goss's", () => {
    expect(
      [
        'regular file',
        'regular empty file',
        'directory',
        'symbolic link',
        'character special file',
        'block special file',
        'fifo',
        'socket',
      ].map(gossFiletype),
    ).toEqual(['file', 'file', 'directory', 'symlink', 'character-device', 'block-device', 'pipe', 'socket']);
  });
  it('reports TXT and CAA records without the quotes dig prints', () => {
    expect(digRecord('"Hello DNS"')).toBe('Hello DNS');
    expect(digRecord('0 issue "letsencrypt.org"')).toBe('0 issue letsencrypt.org');
    expect(digRecord('10 b.dnstest.io.')).toBe('10 b.dnstest.io.');
  });
  it("joins a TXT record's strings as Go's resolver does, and undoes dig's escapes", () => {
    expect(digRecord('"v=spf1 include:_spf.example.com" "~all"')).toBe('v=spf1 include:_spf.example.com~all');
    expect(digRecord('"say \\"hi\\"" "back\\\\slash"')).toBe('say "hi"back\\slash');
    expect(digRecord('"caf\\195\\169"')).toBe('café');
    expect(digRecord('0 issuewild ";"')).toBe('0 issuewild ;');
  });
  it('folds a systemd alias into its unit (sshd → ssh), dropping the alias unit-file row', () => {
    const services = [
      { name: 'ssh', active: true, enabled: true, state: 'running' },
      { name: 'sshd', active: false, enabled: null, state: 'inactive' },
      { name: 'cron', active: true, enabled: true, state: 'running' },
    ];
    expect(applyUnitAliases(services, 'sshd.service ssh.service\nbogus.service null\n')).toEqual([
      { name: 'ssh', active: true, enabled: true, state: 'running', aliases: ['sshd'] },
      { name: 'cron', active: true, enabled: true, state: 'running' },
    ]);
  });
});
