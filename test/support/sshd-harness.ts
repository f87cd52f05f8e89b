// Real OpenSSH sshd instances for the check tests and the benchmark (Debian `openssh-server`).
//
// Each instance: `/usr/sbin/sshd -D -e -f <tmp>/sshd_config` on a free 127.0.0.1 port, its own
// ed25519 host key (ssh-keygen), AuthorizedKeysFile/PidFile in its temp dir, StrictModes no, and
// only the dedicated test user `outpost-check` allowed (AllowUsers; root cannot sign in). That user
// is created once with `useradd` (idempotent, under a lock file) and gets a random password and an
// ed25519 key pair kept in /var/lib/outpost-test-sshd/ (0600), so every test process uses the same.
// UsePAM yes: keyboard-interactive only works through PAM on Linux. Needs root (the tests run as root).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { RemoteTarget } from '../../core/checks/collector-types';
import { fingerprintOf } from '../../core/checks/remote/host-key';
import { freePort } from './free-port';
export { freePort };

export const SSHD = '/usr/sbin/sshd';
export const TEST_USER = 'outpost-check';
const STATE_DIR = '/var/lib/outpost-test-sshd';

export interface SshdUser {
  name: string;
  password: string;
  privateKey: string;
  publicKey: string;
  /** The private key as a file (0600), for ssh/ansible. */
  privateKeyPath: string;
}

export interface SshdInstance {
  host: '127.0.0.1';
  port: number;
  hostKeyFingerprint: string;
  user: SshdUser;
  dir: string;
  /** Writes a new host key and restarts sshd on the same port; returns the new fingerprint. */
  rotateHostKey(): Promise<string>;
  stop(): Promise<void>;
}

export interface SshdOptions {
  /** Which sign-in methods sshd offers (all three by default). */
  authMethods?: { publicKey?: boolean; password?: boolean; keyboardInteractive?: boolean };
  /** PAM (default on): needed for keyboard-interactive; key and password sign-in work without it. */
  usePam?: boolean;
  /** More sshd_config lines (e.g. a ForceCommand that imitates a Windows shell). */
  extraConfig?: string[];
}

/** The remote collector's target for the test user of `s`: key sign-in and the host key pinned, unless `extra` says otherwise. */
export function sshdTarget(s: SshdInstance, extra: Partial<RemoteTarget> = {}): RemoteTarget {
  return {
    host: s.host,
    port: s.port,
    username: s.user.name,
    auth: { kind: 'key', privateKey: s.user.privateKey },
    trustedFingerprint: s.hostKeyFingerprint,
    useSudo: false,
    timeouts: { connectMs: 5000, commandMs: 15000, overallMs: 20000 },
    ...extra,
  };
}

/** Why the SSH tests cannot run here, or null when sshd, ssh-keygen and root are available. */
export function sshdUnavailableReason(): string | null {
  if (!fs.existsSync(SSHD)) return `${SSHD} is missing (install the Debian package openssh-server)`;
  if (spawnSync('ssh-keygen', ['-?']).error) return 'ssh-keygen is missing (install openssh-client)';
  if (process.getuid?.() !== 0) return 'starting sshd test instances needs root';
  return null;
}

let userCache: SshdUser | null = null;

/** Creates the dedicated test user, its password and its key pair once (idempotent), in STATE_DIR. */
export function ensureTestUser(): SshdUser {
  if (userCache) return userCache;
  fs.mkdirSync(STATE_DIR, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(STATE_DIR, 'password');
  const privateKeyPath = path.join(STATE_DIR, 'id_ed25519');
  // flock serializes the parallel test processes; the script is fixed and takes its values as $1..$3.
  execFileSync('flock', [
    path.join(STATE_DIR, 'lock'),
    'sh',
    '-c',
    'id -u "$1" >/dev/null 2>&1 || useradd -m -s /bin/sh "$1"; if [ ! -s "$2" ]; then head -c 18 /dev/urandom | base64 | tr -d "/+=" >"$2"; chmod 600 "$2"; printf "%s:%s\\n" "$1" "$(cat "$2")" | chpasswd; fi; [ -s "$3" ] || ssh-keygen -q -t ed25519 -N "" -C outpost-test -f "$3"',
    'outpost-user',
    TEST_USER,
    passwordFile,
    privateKeyPath,
  ]);
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  userCache = {
    name: TEST_USER,
    password,
    privateKey: fs.readFileSync(privateKeyPath, 'utf8'),
    publicKey: fs.readFileSync(`${privateKeyPath}.pub`, 'utf8').trim(),
    privateKeyPath,
  };
  return userCache;
}

function writeHostKey(dir: string): string {
  const keyPath = path.join(dir, 'ssh_host_ed25519_key');
  fs.rmSync(keyPath, { force: true });
  fs.rmSync(`${keyPath}.pub`, { force: true });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', keyPath]);
  const blob = fs.readFileSync(`${keyPath}.pub`, 'utf8').trim().split(/\s+/)[1]!;
  return fingerprintOf(Buffer.from(blob, 'base64'));
}

/** Resolves once the port sends an SSH banner; rejects when sshd exits or after `ms`. */
async function waitForBanner(port: number, child: ChildProcess, stderr: () => string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`sshd exited: ${stderr().trim()}`);
    const banner = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(500);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString('latin1').startsWith('SSH-'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (banner) return;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error(`sshd on port ${port} did not answer within ${ms} ms: ${stderr().trim()}`);
}

export async function startSshd(options: SshdOptions = {}): Promise<SshdInstance> {
  const reason = sshdUnavailableReason();
  if (reason) throw new Error(reason);
  const user = ensureTestUser();
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-sshd-'));
  const methods = { publicKey: true, password: true, keyboardInteractive: true, ...options.authMethods };
  // sshd reads AuthorizedKeysFile as the signing-in user: the folder and file must be readable by it.
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'authorized_keys'), `${user.publicKey}\n`, { mode: 0o644 });
  let fingerprint = writeHostKey(dir);
  const port = await freePort();
  const yes = (on: boolean) => (on ? 'yes' : 'no');
  fs.writeFileSync(
    path.join(dir, 'sshd_config'),
    [
      `ListenAddress 127.0.0.1:${port}`,
      `HostKey ${path.join(dir, 'ssh_host_ed25519_key')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'StrictModes no',
      `UsePAM ${yes(options.usePam ?? true)}`,
      `PubkeyAuthentication ${yes(methods.publicKey)}`,
      `PasswordAuthentication ${yes(methods.password)}`,
      `KbdInteractiveAuthentication ${yes(methods.keyboardInteractive)}`,
      `AllowUsers ${TEST_USER}`,
      'PermitRootLogin no',
      'UseDNS no',
      'MaxStartups 200',
      'MaxSessions 50',
      'LogLevel ERROR',
      ...(options.extraConfig ?? []),
      '',
    ].join('\n'),
  );

  let child: ChildProcess;
  let log = '';
  const launch = async () => {
    log = '';
    child = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    await waitForBanner(port, child, () => log);
  };
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  await launch();
  return {
    host: '127.0.0.1',
    port,
    get hostKeyFingerprint() {
      return fingerprint;
    },
    user,
    dir,
    async rotateHostKey() {
      await halt();
      fingerprint = writeHostKey(dir);
      await launch();
      return fingerprint;
    },
    async stop() {
      await halt();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
