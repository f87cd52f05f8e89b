import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseProcFiles } from './parse-system-sections';

describe("the probe's process list from /proc", () => {
  it('lists processes by pid with their arguments joined, [name] for a kernel thread, and an argument that held a newline', () => {
    const text = [
      '/proc/10/comm:kworker/0:0H',
      '/proc/1/comm:systemd',
      '/proc/812/comm:sshd',
      '/proc/900/comm:sh',
      '/proc/1/cmdline:/sbin/init\0splash\0',
      '/proc/812/cmdline:sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
      '/proc/900/cmdline:sh\0-c\0echo one',
      'echo two\0',
    ].join('\n');
    expect(parseProcFiles(text)).toEqual([
      { pid: 1, name: 'systemd', command: '/sbin/init splash' },
      { pid: 10, name: 'kworker/0:0H', command: '[kworker/0:0H]' },
      { pid: 812, name: 'sshd', command: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups' },
      { pid: 900, name: 'sh', command: 'sh -c echo one\necho two' },
    ]);
  });

  it('names the processes ps names on this machine', () => {
    // The probe's own grep, read here: the pid, name and arguments of this test's process are in it.
    const text = execFileSync('sh', ['-c', "grep -a -s -H '' /proc/[0-9]*/comm /proc/[0-9]*/cmdline; true"], { encoding: 'utf8' });
    const mine = parseProcFiles(text).find((p) => p.pid === process.pid);
    const ps = execFileSync('ps', ['-o', 'comm=,args=', '-p', String(process.pid)], { encoding: 'utf8' }).trim();
    expect(mine).toBeDefined();
    expect(ps.startsWith(mine!.name)).toBe(true);
    expect(ps.endsWith(mine!.command)).toBe(true);
  });
});
