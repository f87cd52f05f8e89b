import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../core/checks/remote/host-key';
import { checkCommand } from '../../launcher/commands/check-command';
import { openTestCore, tempDataDir } from '../support/temp-core';
import { seedCheckSite } from './checks-runs-seed';
import { freePort, sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';

// `outpost check` ad-hoc, run as a process (tsx launcher/cli.ts) against two real sshd instances.
const unavailable = sshdUnavailableReason();
const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function outpost(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SSH_AUTH_SOCK;
    const child = spawn(TSX, [path.join(ROOT, 'launcher/cli.ts'), 'check', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    // Bytes are decoded once at the end: a chunk may end inside a multi-byte character.
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
    child.stdin.end(input);
  });
}

/** The JSON report; a parse error shows the text around the position it names. */
function parseReport(text: string) {
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = Number(/position (\d+)/.exec(String(error))?.[1] ?? 0);
    throw new Error(
      `${String(error)}; ${text.length} characters; around it: ${JSON.stringify(text.slice(Math.max(0, at - 200), at + 200))}`,
    );
  }
}

/** Parsed by Python's XML parser (strict, independent of ours): per suite, the counts and the elements. */
function parseJunit(
  xml: string,
): { name: string; tests: number; failures: number; errors: number; skipped: number; cases: number; failureEls: number }[] {
  const script = `import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
print(json.dumps([{ 'name': s.get('name'), 'tests': int(s.get('tests')), 'failures': int(s.get('failures')), 'errors': int(s.get('errors')), 'skipped': int(s.get('skipped')), 'cases': len(s.findall('testcase')), 'failureEls': len(s.findall('testcase/failure')) } for s in root.findall('testsuite')]))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: xml, encoding: 'utf8' }));
}

const hostKeyBlob = (sshd: SshdInstance) =>
  fs.readFileSync(path.join(sshd.dir, 'ssh_host_ed25519_key.pub'), 'utf8').trim().split(/\s+/)[1]!;

describe.skipIf(unavailable !== null)('outpost check, ad-hoc, against real sshd', () => {
  let a: SshdInstance;
  let b: SshdInstance;
  let dir: string;
  let knownHosts: string;
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  let passing: string;
  let failing: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([startSshd(), startSshd()]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-adhoc-'));
    knownHosts = path.join(dir, 'known_hosts');
    passing = file('goss.yaml', `file:\n  /etc/passwd:\n    exists: true\nuser:\n  ${a.user.name}:\n    exists: true\n`);
    failing = file('failing.yaml', `gossfile:\n  goss.yaml: {}\npackage:\n  outpost-never-installed:\n    installed: true\n`);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('two --target hosts with --accept-new: both keys written to known_hosts, facts and passing results in JSON, exit 0', async () => {
    const run = await outpost([
      '--target',
      `${a.user.name}@127.0.0.1:${a.port}`,
      '--target',
      `${b.user.name}@127.0.0.1:${b.port}`,
      '--requirements',
      passing,
      '--identity',
      a.user.privateKeyPath,
      '--known-hosts',
      knownHosts,
      '--accept-new',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = parseReport(run.stdout);
    expect(report.passed).toBe(true);
    expect(report.hosts.map((h: { host: string; outcome: string }) => [h.host, h.outcome])).toEqual([
      [`${a.user.name}@127.0.0.1:${a.port}`, 'completed'],
      [`${b.user.name}@127.0.0.1:${b.port}`, 'completed'],
    ]);
    for (const h of report.hosts) {
      expect(h.counts).toEqual({ pass: 2, fail: 0, error: 0, skipped: 0 });
      expect(h.facts.os.family).toBe('linux');
    }
    expect(report.acceptedHostKeys.map((k: { key: { fingerprint: string } }) => k.key.fingerprint).sort()).toEqual(
      [a.hostKeyFingerprint, b.hostKeyFingerprint].sort(),
    );
    const lines = fs.readFileSync(knownHosts, 'utf8').trim().split('\n');
    expect(lines.sort()).toEqual(
      [`[127.0.0.1]:${a.port} ssh-ed25519 ${hostKeyBlob(a)}`, `[127.0.0.1]:${b.port} ssh-ed25519 ${hostKeyBlob(b)}`].sort(),
    );
    expect((fs.statSync(knownHosts).mode & 0o777).toString(8)).toBe('600');
  }, 120_000);

  it('the same hosts from an INI Ansible inventory with --limit and --password-stdin; --format junit parsed by an XML parser; a failing requirement exits 1', async () => {
    const down = await freePort();
    const inventory = file(
      'hosts.ini',
      `[pos]\npos-a ansible_host=127.0.0.1 ansible_port=${a.port}\npos-b ansible_host=127.0.0.1 ansible_port=${b.port}\n[backoffice]\nbo-1 ansible_host=127.0.0.1 ansible_port=${down}\n[all:vars]\nansible_user=${a.user.name}\n`,
    );
    const args = [
      '--inventory',
      inventory,
      '--limit',
      'pos:!bo-*',
      '--password-stdin',
      '--known-hosts',
      knownHosts,
      '--accept-new',
      '--format',
      'junit',
    ];
    const pass = await outpost([...args, '--requirements', passing], `${a.user.password}\n`);
    expect(pass.stderr).toBe('');
    expect(pass.code).toBe(0);
    expect(parseJunit(pass.stdout)).toEqual([
      { name: 'pos-a', tests: 2, failures: 0, errors: 0, skipped: 0, cases: 2, failureEls: 0 },
      { name: 'pos-b', tests: 2, failures: 0, errors: 0, skipped: 0, cases: 2, failureEls: 0 },
    ]);
    const out = path.join(dir, 'report.xml');
    const fail = await outpost([...args, '--requirements', failing, '--out', out], `${a.user.password}\n`);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toBe('');
    expect(fail.stderr).toContain('0 of 2 hosts passed');
    expect(parseJunit(fs.readFileSync(out, 'utf8'))).toEqual([
      { name: 'pos-a', tests: 3, failures: 1, errors: 0, skipped: 0, cases: 3, failureEls: 1 },
      { name: 'pos-b', tests: 3, failures: 1, errors: 0, skipped: 0, cases: 3, failureEls: 1 },
    ]);
  }, 120_000);

  it('a changed host key exits 2 naming both fingerprints, even with --accept-new, and known_hosts is left as it was', async () => {
    // known_hosts says a's port has b's key: a now "shows a different key".
    const changed = file('known_hosts_changed', `[127.0.0.1]:${a.port} ssh-ed25519 ${hostKeyBlob(b)}\n`);
    expect(fingerprintOf(Buffer.from(hostKeyBlob(b), 'base64'))).toBe(b.hostKeyFingerprint);
    const run = await outpost([
      '--target',
      `${a.user.name}@127.0.0.1:${a.port}`,
      '--requirements',
      passing,
      '--identity',
      a.user.privateKeyPath,
      '--known-hosts',
      changed,
      '--accept-new',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('HOST KEY CHANGED');
    expect(run.stdout).toContain(b.hostKeyFingerprint);
    expect(run.stdout).toContain(a.hostKeyFingerprint);
    expect(fs.readFileSync(changed, 'utf8')).toBe(`[127.0.0.1]:${a.port} ssh-ed25519 ${hostKeyBlob(b)}\n`);
  }, 120_000);

  it('--site CODE stores the runs in the history of the matched target; a host that is no target of the site is refused before connecting', async () => {
    const dataDir = tempDataDir('checks-adhoc-site');
    const seed = seedCheckSite(dataDir, [{ hostName: 'pos-a', address: '127.0.0.1', port: a.port, username: a.user.name }], []);
    const io = () => {
      const lines: string[] = [];
      return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
    };
    const common = [
      '--requirements',
      passing,
      '--identity',
      a.user.privateKeyPath,
      '--known-hosts',
      knownHosts,
      '--accept-new',
      '--site',
      'CHK',
      '--data-dir',
      dataDir,
    ];
    const refused = io();
    expect(await checkCommand.run(['--target', `${a.user.name}@127.0.0.1:${b.port}`, ...common], refused.io)).toBe(2);
    expect(refused.lines.join('\n')).toContain(`is not a target machine of site CHK`);
    const stored = io();
    expect(await checkCommand.run(['--target', `${a.user.name}@127.0.0.1:${a.port}`, ...common], stored.io)).toBe(0);
    expect(stored.lines.join('\n')).toContain('Stored 1 runs at site CHK.');
    const core = openTestCore({ dataDir, profile: false });
    try {
      const runs = core.call('checks.runs', { targetId: seed.targetIds[0]! });
      expect(runs).toHaveLength(1);
      const detail = core.call('checks.run', { runId: runs[0]!.id });
      expect(detail).toMatchObject({ outcome: 'completed', targetLabel: 'pos-a', counts: { pass: 2, fail: 0, error: 0, skipped: 0 } });
      expect(detail.results.map((r) => r.status)).toEqual(['pass', 'pass']);
      expect(detail.facts?.source).toBe('ssh');
    } finally {
      core.close();
    }
  }, 120_000);

  it('a command requirement runs only with --approve-commands (the person running it approves); without it nothing is checked (exit 2) and the command is shown', async () => {
    const goss = file('command.yaml', 'command:\n  "echo outpost-adhoc-$((6*7))":\n    exit-status: 0\n    stdout: ["outpost-adhoc-42"]\n');
    const args = [
      '--target',
      `${a.user.name}@127.0.0.1:${a.port}`,
      '--requirements',
      goss,
      '--identity',
      a.user.privateKeyPath,
      '--known-hosts',
      knownHosts,
      '--accept-new',
      '--format',
      'json',
    ];
    const run = async (extra: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await checkCommand.run([...args, ...extra], { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const held = await run([]);
    expect(held.code).toBe(2);
    expect(held.out).toBe('');
    expect(held.err).toContain('$ echo outpost-adhoc-$((6*7))');
    expect(held.err).toContain('--approve-commands');
    expect(held.err).toContain('Nothing was checked');
    const approved = await run(['--approve-commands']);
    expect(approved).toMatchObject({ code: 0, err: '' });
    expect((JSON.parse(approved.out) as { hosts: { results: { status: string }[] }[] }).hosts[0]!.results[0]).toMatchObject({
      status: 'pass',
    });
  }, 120_000);

  it('an unknown host key without --accept-new is refused (exit 2) and nothing is written', async () => {
    const empty = path.join(dir, 'known_hosts_empty');
    const run = await outpost([
      '--target',
      `${b.user.name}@127.0.0.1:${b.port}`,
      '--requirements',
      passing,
      '--identity',
      a.user.privateKeyPath,
      '--known-hosts',
      empty,
      '--format',
      'tap',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('not ok 1 - ');
    expect(run.stderr).toContain(b.hostKeyFingerprint);
    expect(fs.existsSync(empty)).toBe(false);
  }, 120_000);
});

describe('outpost check --dry-run and usage', () => {
  it('--dry-run lists requirements and every skipped part with its reason, and never connects (a listening socket sees nothing)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-adhoc-dry-'));
    const goss = path.join(dir, 'goss.yaml');
    fs.writeFileSync(
      goss,
      'package:\n  nginx:\n    installed: true\ncommand:\n  "uname -r":\n    exit-status: 0\nhttp-request:\n  x: {}\nservice:\n  cron:\n    running: true\n    skip: true\n',
    );
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const run = await outpost([
        '--target',
        `deploy@127.0.0.1:${port}`,
        '--requirements',
        goss,
        '--known-hosts',
        path.join(dir, 'kh'),
        '--dry-run',
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`deploy@127.0.0.1:${port}`);
      expect(run.stdout).toMatch(/r001 package\s+Package nginx installed/);
      expect(run.stdout).toContain('$ uname -r');
      expect(run.stdout).toContain('command: uname -r: runs a command: needs --approve-commands');
      expect(run.stdout).toMatch(/^ {2}http-request: \S/m);
      expect(run.stdout).toContain('service: cron: marked "skip: true" in the Goss file');
      await new Promise((r) => setTimeout(r, 200));
      expect(connections).toBe(0);
      expect(fs.existsSync(path.join(dir, 'kh'))).toBe(false);
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('usage errors exit 2 (in process): two host sources, --limit without --inventory, no --requirements, a bad target, an unknown format', async () => {
    const cases: [string[], string][] = [
      [['--target', 'a@h', '--targets', 'x', '--requirements', 'r'], 'Give one of --target, --targets, not several'],
      [['--target', 'a@h', '--limit', 'web', '--requirements', 'r'], '--limit needs --inventory'],
      [['--target', 'a@h'], '--requirements FILE is required'],
      [
        ['--target', 'a@h:99999', '--requirements', path.join(ROOT, 'package.json'), '--dry-run'],
        'the port must be a number from 1 to 65535',
      ],
      [['--target', 'a@h', '--requirements', 'r', '--format', 'xml'], '--format must be one of table, json, junit, tap'],
      [['--target', 'a@h', '--requirements', 'r', '--deployment', 'D'], '--deployment and --data-dir go with --site'],
    ];
    for (const [args, message] of cases) {
      const err: string[] = [];
      const code = await checkCommand.run(args, { out: () => undefined, err: (line) => err.push(line) });
      expect(code, args.join(' ')).toBe(2);
      expect(err.join('\n')).toContain(message);
    }
  });
});
