// `npm run bench -- checks`: twenty real sshd instances on loopback. Outpost collects the facts of
// all twenty (one connection and one batched probe per host, collectMany at concurrency 8), and in
// the same run Ansible's `setup` module gathers the same twenty hosts' facts at the same
// concurrency (`ansible all -m setup -f 8`). Then fifty hosts at concurrency 10.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectMany } from '../../core/checks/collect-many';
import type { CollectOutcome } from '../../core/checks/collector-types';
import { collectRemote } from '../../core/checks/remote/collect-remote';
import { sshdTarget, sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';
import { percentile, round } from './stats';

export const CONCURRENCY = 8;

export async function startMany(count: number): Promise<SshdInstance[]> {
  const instances: SshdInstance[] = [];
  for (let i = 0; i < count; i += 10)
    instances.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, () => startSshd()))));
  return instances;
}

export async function outpostRun(hosts: SshdInstance[], concurrency: number): Promise<{ wallMs: number; hostMs: number[] }> {
  const hostMs: number[] = [];
  const started = performance.now();
  const results = await collectMany(
    hosts,
    async (s, signal): Promise<CollectOutcome> => {
      const t = performance.now();
      const outcome = await collectRemote(
        sshdTarget(s, { timeouts: { connectMs: 10_000, commandMs: 60_000, overallMs: 90_000 } }),
        [],
        signal,
      );
      hostMs.push(performance.now() - t);
      return outcome;
    },
    { concurrency },
  );
  const wallMs = performance.now() - started;
  const failed = [...results.values()].filter((o) => !o.ok);
  if (failed.length > 0)
    throw new Error(`Outpost could not collect ${failed.length} host(s): ${failed.map((o) => !o.ok && o.message).join('; ')}`);
  return { wallMs, hostMs };
}

function ansibleRun(hosts: SshdInstance[]): { wallMs: number } | { missing: string } {
  if (spawnSync('ansible', ['--version'], { stdio: 'ignore' }).error)
    return { missing: 'ansible is not installed (Debian package "ansible"); the Ansible comparison was left out' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-ansible-'));
  try {
    const inventory = path.join(dir, 'inventory.ini');
    fs.writeFileSync(
      inventory,
      [
        '[targets]',
        ...hosts.map(
          (s, i) =>
            `host${i} ansible_host=127.0.0.1 ansible_port=${s.port} ansible_user=${s.user.name} ansible_ssh_private_key_file=${s.user.privateKeyPath}`,
        ),
      ].join('\n') + '\n',
    );
    const env = {
      ...process.env,
      ANSIBLE_HOST_KEY_CHECKING: 'False',
      ANSIBLE_PYTHON_INTERPRETER: 'auto_silent',
      ANSIBLE_LOCAL_TEMP: path.join(dir, 'tmp'),
      ANSIBLE_NOCOLOR: '1',
    };
    const started = performance.now();
    const result = spawnSync('ansible', ['all', '-i', inventory, '-m', 'setup', '-f', String(CONCURRENCY)], {
      env,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const wallMs = performance.now() - started;
    const succeeded = (result.stdout.match(/\| SUCCESS =>/g) ?? []).length;
    if (result.status !== 0 || succeeded !== hosts.length)
      throw new Error(
        `ansible setup succeeded on ${succeeded}/${hosts.length} hosts (exit ${result.status}): ${result.stderr.slice(-500)}${result.stdout.slice(-500)}`,
      );
    return { wallMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchChecks(): Promise<Record<string, number>> {
  const unavailable = sshdUnavailableReason();
  if (unavailable) throw new Error(`The checks benchmark needs real sshd instances: ${unavailable}`);
  const hosts = await startMany(50);
  try {
    const twenty = hosts.slice(0, 20);
    await outpostRun(twenty.slice(0, 2), 2); // warm-up
    const outpost = await outpostRun(twenty, CONCURRENCY);
    const ansible = ansibleRun(twenty);
    const fifty = await outpostRun(hosts, 10);
    const figures: Record<string, number> = {
      'checks.outpost_20_hosts_s': round(outpost.wallMs / 1000, 2),
      'checks.host_p50_ms': round(percentile(outpost.hostMs, 50), 0),
      'checks.host_p95_ms': round(percentile(outpost.hostMs, 95), 0),
      'checks.outpost_50_hosts_c10_s': round(fifty.wallMs / 1000, 2),
    };
    if ('missing' in ansible) {
      process.stdout.write(`checks: ${ansible.missing}\n`);
    } else {
      figures['checks.ansible_20_hosts_s'] = round(ansible.wallMs / 1000, 2);
      figures['checks.speedup_vs_ansible'] = round(ansible.wallMs / outpost.wallMs, 1);
    }
    return figures;
  } finally {
    await Promise.all(hosts.map((s) => s.stop()));
  }
}
