import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facts } from '../../shared/checks/facts';
import { collectRemote } from '../../core/checks/remote/collect-remote';
import { sshdTarget, sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';
import { tempDataDir } from '../support/temp-core';

/** Ansible (Debian package) is the peer whose `setup` facts Outpost's must agree with. */
function ansibleMissing(): string | null {
  return spawnSync('ansible', ['--version'], { stdio: 'ignore' }).error ? 'ansible is not installed (Debian package "ansible")' : null;
}

const skipReason = sshdUnavailableReason() ?? ansibleMissing();

interface AnsibleFacts {
  ansible_hostname: string;
  ansible_distribution: string;
  ansible_distribution_major_version: string;
  ansible_kernel: string;
  ansible_architecture: string;
  ansible_processor_vcpus: number;
  ansible_memtotal_mb: number;
  ansible_mounts: { mount: string; size_total: number; fstype: string }[];
  ansible_interfaces: string[];
}

describe.skipIf(skipReason !== null)(`facts agree with Ansible's setup module${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let sshd: SshdInstance;
  let ours: Facts;
  let theirs: AnsibleFacts;

  beforeAll(async () => {
    sshd = await startSshd();
    const outcome = await collectRemote(sshdTarget(sshd, { timeouts: { connectMs: 10_000, commandMs: 60_000, overallMs: 90_000 } }), []);
    if (!outcome.ok) throw new Error(outcome.message);
    ours = outcome.facts;
    const dir = tempDataDir('outpost-ansible');
    const inventory = path.join(dir, 'inventory.ini');
    fs.writeFileSync(
      inventory,
      `target ansible_host=127.0.0.1 ansible_port=${sshd.port} ansible_user=${sshd.user.name} ansible_ssh_private_key_file=${sshd.user.privateKeyPath}\n`,
    );
    const output = execFileSync('ansible', ['all', '-i', inventory, '-m', 'setup'], {
      env: {
        ...process.env,
        ANSIBLE_HOST_KEY_CHECKING: 'False',
        ANSIBLE_PYTHON_INTERPRETER: 'auto_silent',
        ANSIBLE_LOCAL_TEMP: path.join(dir, 'tmp'),
        ANSIBLE_NOCOLOR: '1',
      },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    theirs = (JSON.parse(output.slice(output.indexOf('{'))) as { ansible_facts: AnsibleFacts }).ansible_facts;
  }, 120_000);

  afterAll(async () => {
    await sshd?.stop();
  });

  it('identifies the same machine and operating system', () => {
    expect(ours.hostName).toBe(theirs.ansible_hostname);
    expect(ours.os.distribution).toBe(theirs.ansible_distribution.toLowerCase());
    expect(ours.os.version?.split('.')[0]).toBe(theirs.ansible_distribution_major_version);
    expect(ours.os.kernel).toBe(theirs.ansible_kernel);
    expect(ours.os.architecture).toBe(theirs.ansible_architecture);
  });

  it('reports the same processors, memory, root file system and interfaces', () => {
    expect(ours.cpu.threads).toBe(theirs.ansible_processor_vcpus);
    expect(Math.abs((ours.memory.totalBytes ?? 0) / 1048576 - theirs.ansible_memtotal_mb)).toBeLessThanOrEqual(
      Math.max(2, theirs.ansible_memtotal_mb * 0.01),
    );
    const ourRoot = ours.mounts.find((m) => m.mount === '/');
    const theirRoot = theirs.ansible_mounts.find((m) => m.mount === '/');
    expect(ourRoot?.fsType).toBe(theirRoot?.fstype);
    expect(Math.abs((ourRoot?.sizeBytes ?? 0) - (theirRoot?.size_total ?? 0))).toBeLessThanOrEqual((theirRoot?.size_total ?? 0) * 0.01);
    expect(ours.network.map((n) => n.name).sort()).toEqual([...theirs.ansible_interfaces].sort());
  });
});
