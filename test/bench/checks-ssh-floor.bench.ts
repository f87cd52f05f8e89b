// `npm run bench -- checks` (with checks.bench.ts): the floor of a remote check. Twenty real sshd
// instances on loopback, reached by OpenSSH's own client doing nothing but sign in and run `true`
// (`ssh -o BatchMode=yes … true`, key sign-in, host key verified against a known_hosts file) at the
// checks bench's concurrency, and Outpost's whole check of the same twenty hosts in the same pass.
// The ratio is Outpost's time over that floor (goal ≤ 1.0). Each side runs twice, alternating, and
// keeps its faster pass, so a burst of load on the machine does not land on one side only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sshdUnavailableReason, type SshdInstance } from '../support/sshd-harness';
import { CONCURRENCY, outpostRun, startMany } from './checks.bench';
import { round } from './stats';

function sshTrue(s: SshdInstance, knownHosts: string): Promise<void> {
  const args = [
    '-F',
    '/dev/null',
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `UserKnownHostsFile=${knownHosts}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'ControlMaster=no',
    '-o',
    'ControlPath=none',
    '-i',
    s.user.privateKeyPath,
    '-p',
    String(s.port),
    '-l',
    s.user.name,
    s.host,
    'true',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('ssh', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ssh to port ${s.port} exited ${code}: ${stderr.trim().slice(-300)}`)),
    );
  });
}

/** `ssh … true` to every host, at most `concurrency` at once; the wall time in ms. */
export async function sshFloorRun(hosts: readonly SshdInstance[], concurrency: number, knownHosts: string): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) await sshTrue(hosts[next++]!, knownHosts);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, hosts.length) }, worker));
  return performance.now() - started;
}

function writeKnownHosts(hosts: readonly SshdInstance[], dir: string): string {
  const file = path.join(dir, 'known_hosts');
  const lines = hosts.map((s) => {
    const [type, key] = fs.readFileSync(path.join(s.dir, 'ssh_host_ed25519_key.pub'), 'utf8').trim().split(/\s+/);
    return `[${s.host}]:${s.port} ${type} ${key}`;
  });
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

export async function benchChecksSshFloor(): Promise<Record<string, number>> {
  const unavailable = sshdUnavailableReason();
  if (unavailable) throw new Error(`The SSH floor benchmark needs real sshd instances: ${unavailable}`);
  const hosts = await startMany(20);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-ssh-floor-'));
  try {
    const knownHosts = writeKnownHosts(hosts, dir);
    // Warm-up: both clients' code and the hosts' first sign-in.
    await sshFloorRun(hosts.slice(0, 2), 2, knownHosts);
    await outpostRun(hosts.slice(0, 2), 2);
    const floor: number[] = [];
    const outpost: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      floor.push(await sshFloorRun(hosts, CONCURRENCY, knownHosts));
      outpost.push((await outpostRun(hosts, CONCURRENCY)).wallMs);
    }
    const floorMs = Math.min(...floor);
    const outpostMs = Math.min(...outpost);
    return {
      'checks.ssh_floor_20_hosts_s': round(floorMs / 1000, 2),
      'checks.ratio_to_ssh_floor': round(outpostMs / floorMs, 2),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await Promise.all(hosts.map((s) => s.stop()));
  }
}
