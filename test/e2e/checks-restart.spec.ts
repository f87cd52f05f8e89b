// A check job cut short by killing the browser shell (SIGKILL) mid-job: started again, the shell
// resumes the job; the machine whose password can no longer be read shows as interrupted on the
// Machines tab, and Retry checks it. Real sshd, real SQLite file, real Chromium.
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { secretKey } from '../../core/checks/credentials/credential-store';
import { keyFileCipher } from '../../core/secrets/key-file-cipher';
import { fileSecretStore } from '../../core/secrets/secret-store';
import { seedCheckSite } from '../integration/checks-runs-seed';
import { sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';
import { tempDataDir } from '../support/temp-core';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

const unavailable = sshdUnavailableReason();
let shell: RunningShell | undefined;
let sshd: SshdInstance | undefined;
let stall: net.Server | undefined;
const held: net.Socket[] = [];

test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  for (const s of held.splice(0)) s.destroy();
  stall?.close();
  await sshd?.stop();
});

interface JobStatus {
  state: string;
  hosts: { targetId: string; phase: string; outcome: string | null; runId: string | null }[];
}

test('a job killed mid-way is resumed on the next start; an interrupted machine is retried from the Machines tab', async ({ page }) => {
  test.skip(unavailable !== null, unavailable ?? '');
  sshd = await startSshd();
  // Accepts and never answers: the job is still on this host when the shell is killed.
  stall = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => stall!.listen(0, '127.0.0.1', resolve));
  const dataDir = tempDataDir('outpost-e2e-restart');
  const seed = seedCheckSite(
    dataDir,
    [
      { hostName: 'till-a', address: '127.0.0.1', port: sshd.port, username: sshd.user.name },
      { hostName: 'till-b', address: '127.0.0.1', port: (stall.address() as net.AddressInfo).port, username: sshd.user.name },
      { hostName: 'till-c', address: '127.0.0.1', port: sshd.port, username: sshd.user.name },
    ],
    [{ kind: 'cpu_cores', description: 'At least 1 CPU core', params: { min: 1 } }],
  );
  const [a, b, c] = seed.targetIds as [string, string, string];
  shell = await startBrowserShell(dataDir);
  for (const id of [a, b]) await shell.call('checks.setCredential', { targetId: id, kind: 'key', keyPath: sshd.user.privateKeyPath });
  await shell.call('checks.setCredential', { targetId: c, kind: 'password', password: sshd.user.password });
  for (const id of [a, c]) await shell.call('checks.trustHostKey', { targetId: id, fingerprint: sshd.hostKeyFingerprint });
  const { jobId } = await shell.call<{ jobId: string }>('checks.start', { siteId: seed.siteId, concurrency: 1 });
  await expect
    .poll(async () => (await shell!.call<JobStatus>('checks.status', { jobId })).hosts[0]?.runId ?? null, { timeout: 30_000 })
    .not.toBeNull();
  await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const before = await shell.call<JobStatus>('checks.status', { jobId });
  await shell.stop('SIGKILL');
  shell = undefined;

  // While it was down: till-b went away and till-c's password can no longer be read on this device.
  for (const s of held.splice(0)) s.destroy();
  await new Promise<void>((resolve) => stall!.close(() => resolve()));
  stall = undefined;
  fileSecretStore(dataDir, keyFileCipher(dataDir)).delete(secretKey(c, 'password'));

  shell = await startBrowserShell(dataDir);
  await expect.poll(async () => (await shell!.call<JobStatus>('checks.status', { jobId })).state, { timeout: 30_000 }).toBe('finished');
  const after = await shell.call<JobStatus>('checks.status', { jobId });
  expect(after.hosts.find((h) => h.targetId === a)!.runId).toBe(before.hosts[0]!.runId);
  expect(after.hosts.find((h) => h.targetId === b)!.outcome).toBe('unreachable');
  expect(after.hosts.find((h) => h.targetId === c)!.phase).toBe('interrupted');

  await page.goto(shell.url);
  await page.getByTestId(`site-${seed.siteCode}`).click();
  await page.getByTestId('tab-machines').click();
  const banner = page.getByTestId('interrupted-job');
  await expect(banner).toBeVisible();
  await expect(banner.getByTestId('interrupted-host')).toHaveCount(1);
  await expect(banner.getByTestId('interrupted-host')).toContainText('till-c');
  await expect(banner.getByTestId('interrupted-host')).toContainText('No password stored');

  await shell.call('checks.setCredential', { targetId: c, kind: 'password', password: sshd.user.password });
  await banner.getByTestId('retry-interrupted').click();
  await expect(page.getByTestId('job-status')).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
  await expect(page.getByTestId('job-status')).toHaveAttribute('data-job-id', jobId);
  await expect(page.getByTestId('interrupted-hosts')).toHaveCount(0);
  const rowC = page.locator(`[data-testid="machine-row"][data-target-id="${c}"]`);
  await expect(rowC.getByTestId('outcome-badge')).toHaveAttribute('data-outcome', 'completed');
  const runsOfA = await shell.call<unknown[]>('checks.runs', { targetId: a });
  expect(runsOfA).toHaveLength(1);
});
