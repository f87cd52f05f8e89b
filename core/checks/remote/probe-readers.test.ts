import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseAddresses, parseProcFiles } from './parse-system-sections';
import { PROBE_SCRIPT } from './probe-script';

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

/** Runs one of the probe's shell functions on this machine, as the probe would. */
const probeFunction = (name: string): string =>
  execFileSync('sh', ['-c', `${PROBE_SCRIPT.slice(0, PROBE_SCRIPT.indexOf('outpost_main() {'))}\n${name}`], { encoding: 'utf8' });

describe("the probe's system, interface and memory readers", () => {
  it('gives the interfaces and MACs ip -o link gives on this machine', () => {
    const addr = execFileSync('ip', ['-o', 'addr', 'show'], { encoding: 'utf8' });
    const link = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' });
    const byName = (list: ReturnType<typeof parseAddresses>) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    const fromSys = byName(parseAddresses(addr, '', probeFunction('outpost_macs')));
    expect(fromSys.length).toBeGreaterThan(0);
    expect(fromSys).toEqual(byName(parseAddresses(addr, link)));
  });

  it('reads MemTotal and MemAvailable as /proc/meminfo holds them', () => {
    const lines = probeFunction('outpost_meminfo').trim().split('\n');
    const meminfo = execFileSync('grep', ['-E', '^(MemTotal|MemAvailable):', '/proc/meminfo'], { encoding: 'utf8' }).trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['MemTotal', 'MemAvailable']);
    expect(lines[0]).toBe(meminfo[0]);
  });

  it('names the system as uname -s -n -r -m does', () => {
    expect(probeFunction('outpost_uname')).toBe(execFileSync('uname', ['-s', '-n', '-r', '-m'], { encoding: 'utf8' }));
  });

  it('names the Ethernet MAC only, and an interface without one', () => {
    expect(parseAddresses('', '', 'eth0 1 02:fc:00:00:00:01\nlo 772 00:00:00:00:00:00\ntun0 65534 \n')).toEqual([
      { name: 'eth0', mac: '02:fc:00:00:00:01', addresses: [] },
      { name: 'lo', mac: null, addresses: [] },
      { name: 'tun0', mac: null, addresses: [] },
    ]);
  });
});
