import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openServiceContext, seedCheckSite } from '../integration/checks-runs-seed';
import { sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';
import { tempDataDir } from '../support/temp-core';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

const unavailable = sshdUnavailableReason();
let shell: RunningShell | undefined;
const servers: SshdInstance[] = [];

test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  while (servers.length) await servers.pop()!.stop();
});

const REQUIREMENTS = [
  { kind: 'cpu_cores', description: 'At least 1 CPU core', params: { min: 1 } },
  { kind: 'package', description: 'Package outpost-never-installed present', params: { name: 'outpost-never-installed' } },
  // Keeps each host busy long enough to watch its progress.
  { kind: 'command', description: 'Takes a moment', params: { command: 'sleep 1.5', exitStatus: 0 } },
];

interface MachineRowValue {
  target: { id: string; hostName: string };
}

/** Waits until the job shown is one other than `before` (the job shown when this check began) and it has finished. */
async function nextJobFinished(page: Page, before: string | null, timeout = 60_000) {
  const status = page.getByTestId('job-status');
  await expect
    .poll(
      async () => {
        if ((await status.count()) === 0) return 'no job shown';
        const id = await status.getAttribute('data-job-id');
        return id === before ? 'still the job before' : await status.getAttribute('data-state');
      },
      { timeout },
    )
    .toBe('finished');
}

/** The job shown now, if any. */
async function shownJob(page: Page): Promise<string | null> {
  const status = page.getByTestId('job-status');
  return (await status.count()) === 0 ? null : status.getAttribute('data-job-id');
}

async function openMachines(page: Page, running: RunningShell, siteCode: string) {
  await page.goto(running.url);
  await expect(page.getByTestId('profile-name')).toHaveCount(0);
  // Through the interface, as a person would: setting the URL hash races the app's own navigation.
  await page.getByTestId(`site-${siteCode}`).click();
  await page.getByTestId('tab-machines').click();
  await expect(page.getByTestId('machines-table')).toBeVisible();
}

test.describe('Machines tab against real sshd', () => {
  test.skip(unavailable !== null, unavailable ?? '');

  test('set a sign-in, check all with progress, trust a new host key, see a failing requirement with its evidence', async ({ page }) => {
    const a = await startSshd();
    servers.push(a);
    const b = await startSshd();
    servers.push(b);
    const dataDir = tempDataDir('outpost-e2e-checks');
    const seed = seedCheckSite(
      dataDir,
      [
        { hostName: 'till-a', address: '127.0.0.1', port: a.port, username: a.user.name },
        { hostName: 'till-b', address: '127.0.0.1', port: b.port, username: b.user.name },
      ],
      REQUIREMENTS,
    );
    shell = await startBrowserShell(dataDir);
    const rows = await shell.call<MachineRowValue[]>('checks.machines', { siteId: seed.siteId });
    const tillB = rows.find((r) => r.target.hostName === 'till-b')!;
    // till-b: sign-in and host key prepared through the API; till-a is done in the interface.
    await shell.call('checks.setCredential', { targetId: tillB.target.id, kind: 'password', password: b.user.password });
    await shell.call('checks.trustHostKey', { targetId: tillB.target.id, fingerprint: b.hostKeyFingerprint });

    await openMachines(page, shell, seed.siteCode);
    const rowA = page.locator('[data-testid="machine-row"]', { hasText: 'till-a' });
    const rowB = page.locator('[data-testid="machine-row"]', { hasText: 'till-b' });
    await rowA.getByTestId('open-credential').click();
    const dialog = page.getByTestId('set-credential');
    await dialog.getByTestId('credential-kind').getByText('Password', { exact: true }).click();
    await dialog.getByTestId('credential-secret').fill(a.user.password);
    await dialog.getByTestId('credential-save').click();
    await expect(dialog).toHaveCount(0);
    await expect(rowA.getByTestId('open-credential')).toHaveText('Password');
    // The password never comes back to the page.
    expect(await page.content()).not.toContain(a.user.password);

    await page.getByTestId('check-all').click();
    // The plan runs a command: shown per machine, with the sign-in it runs as, before its first run.
    const approval = page.getByTestId('approve-commands');
    await expect(approval).toBeVisible();
    await expect(approval.getByTestId('approval-machine')).toHaveCount(2);
    const onA = approval.locator('[data-testid="approval-machine"][data-label="till-a"]');
    await expect(onA).toContainText(`This plan will run these commands on till-a as ${a.user.name}:`);
    await expect(onA.getByTestId('approval-commands')).toHaveText('$ sleep 1.5');
    await approval.getByTestId('approval-confirm').click();
    await expect(approval).toHaveCount(0);
    await expect(page.getByTestId('overall-progress')).toBeVisible();
    await expect(page.getByTestId('check-cancel')).toBeVisible();
    await expect(rowB.getByTestId('host-progress')).toBeVisible();
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });

    // till-a was contacted for the first time: compare and trust its key, then it is checked.
    const trust = page.getByTestId('trust-host-key');
    await expect(trust).toBeVisible();
    await expect(trust.getByTestId('host-key-fingerprint')).toHaveText(a.hostKeyFingerprint);
    const before = await shownJob(page);
    await trust.getByTestId('trust-confirm').click();
    await expect(trust).toHaveCount(0);
    await expect(rowA.getByTestId('host-progress')).toBeVisible();
    await nextJobFinished(page, before, 30_000);

    for (const row of [rowA, rowB]) {
      await expect(row.getByTestId('outcome-badge')).toHaveText('Failed');
      await expect(row.getByTestId('run-counts')).toContainText('2 pass');
      await expect(row.getByTestId('run-counts')).toContainText('1 fail');
    }

    await rowA.getByTestId('open-run').click();
    const detail = page.getByTestId('run-detail');
    await expect(detail).toBeVisible();
    const failed = detail.locator('[data-testid="result-row"][data-status="fail"]');
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText('outpost-never-installed');
    await expect(failed.getByTestId('result-expected')).not.toBeEmpty();
    await expect(failed.getByTestId('result-actual')).not.toBeEmpty();
    await expect(detail.locator('[data-testid="result-row"][data-status="pass"]')).toHaveCount(2);
    await expect(detail.getByTestId('run-difference')).toBeVisible();
    await expect(detail.getByTestId('log-issue')).toBeVisible();
  });

  test('cancel stops a running check; a changed host key is refused and shows both fingerprints; check this machine', async ({ page }) => {
    const a = await startSshd();
    servers.push(a);
    const dataDir = tempDataDir('outpost-e2e-checks');
    // A requirement for tills only that runs long enough for the cancel to land while it runs, on a
    // loaded machine too; "check this machine" has no role, so it does not wait for it.
    const slow = {
      kind: 'command',
      description: 'Runs a while',
      params: { command: 'sleep 20', exitStatus: 0, timeoutSeconds: 60 },
      targetRole: 'till',
    };
    const seed = seedCheckSite(
      dataDir,
      [{ hostName: 'till-a', address: '127.0.0.1', port: a.port, username: a.user.name, role: 'till' }],
      [...REQUIREMENTS, slow],
    );
    shell = await startBrowserShell(dataDir);
    const [row] = await shell.call<MachineRowValue[]>('checks.machines', { siteId: seed.siteId });
    await shell.call('checks.setCredential', { targetId: row!.target.id, kind: 'password', password: a.user.password });
    await shell.call('checks.trustHostKey', { targetId: row!.target.id, fingerprint: a.hostKeyFingerprint });
    await openMachines(page, shell, seed.siteCode);

    // Cancel in the approval dialog: nothing is checked.
    await page.getByTestId('check-all').click();
    const approval = page.getByTestId('approve-commands');
    await expect(approval.getByTestId('approval-commands')).toHaveText('$ sleep 1.5\n$ sleep 20');
    await approval.getByTestId('approval-cancel').click();
    await expect(approval).toHaveCount(0);
    await expect(page.getByTestId('job-status')).toHaveCount(0);
    await page.getByTestId('check-all').click();
    await approval.getByTestId('approval-confirm').click();
    await page.getByTestId('check-cancel').click();
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
    await expect(page.getByTestId('outcome-badge')).toHaveText('Cancelled');

    const original = a.hostKeyFingerprint;
    const newFingerprint = await a.rotateHostKey();
    await page.getByTestId('check-all').click();
    const changed = page.getByTestId('host-key-changed');
    await expect(changed).toBeVisible({ timeout: 30_000 });
    await expect(changed.getByTestId('fingerprint-trusted')).toHaveText(original);
    await expect(changed.getByTestId('fingerprint-presented')).toHaveText(newFingerprint);
    await expect(changed.getByTestId('trust-confirm')).toHaveCount(0);
    await changed.getByRole('button', { name: 'Keep refusing' }).click();
    await expect(page.getByTestId('machine-row').getByTestId('outcome-badge')).toHaveText('Host key changed');

    // This machine, through the local collector in the built shell: its own approval (another
    // machine, another user); checked without it, the command is skipped as "needs approval".
    const before = await shownJob(page);
    await page.getByTestId('check-this-machine').click();
    await expect(approval.locator('[data-testid="approval-machine"][data-label="this machine"]')).toBeVisible();
    await approval.getByTestId('approval-skip').click();
    await nextJobFinished(page, before);
    const here = page.getByTestId('this-machine');
    await expect(here.getByTestId('outcome-badge')).toHaveAttribute('data-outcome', 'completed');
    await here.getByTestId('open-this-machine-run').click();
    await expect(page.getByTestId('run-detail').locator('[data-testid="result-row"]')).toHaveCount(3);
    await expect(page.getByTestId('run-detail').locator('[data-testid="result-row"][data-status="skipped"]')).toContainText(
      'needs approval',
    );
  });
});

test('check this machine: a plan command runs only after it is approved, and asks again when it changes', async ({ page }) => {
  const canary = path.join(os.tmpdir(), `outpost-e2e-canary-${randomBytes(6).toString('hex')}`);
  const canary2 = `${canary}-changed`;
  const dataDir = tempDataDir('outpost-e2e-approval');
  const seed = seedCheckSite(
    dataDir,
    [{ hostName: 'till-a', address: '127.0.0.1', port: 1, username: 'nobody' }],
    [
      { kind: 'cpu_cores', description: 'At least 1 CPU core', params: { min: 1 } },
      { kind: 'command', description: 'Canary', params: { command: `touch ${canary}` }, targetRole: null },
    ],
  );
  try {
    shell = await startBrowserShell(dataDir);
    await openMachines(page, shell, seed.siteCode);
    const approval = page.getByTestId('approve-commands');

    await page.getByTestId('check-this-machine').click();
    await expect(approval.getByTestId('approval-commands')).toHaveText(`$ touch ${canary}`);
    await approval.getByTestId('approval-cancel').click();
    await page.getByTestId('check-this-machine').click();
    await approval.getByTestId('approval-skip').click();
    await nextJobFinished(page, null);
    expect(fs.existsSync(canary)).toBe(false);

    // Each wait names the job before it: the last job's "finished" must not pass for this one's.
    let before = await shownJob(page);
    await page.getByTestId('check-this-machine').click();
    await approval.getByTestId('approval-confirm').click();
    await expect(approval).toHaveCount(0);
    await nextJobFinished(page, before);
    expect(fs.existsSync(canary)).toBe(true);
    // Approved once: the next check does not ask.
    before = await shownJob(page);
    await page.getByTestId('check-this-machine').click();
    await nextJobFinished(page, before);
    await expect(approval).toHaveCount(0);

    // The plan changes the command (as a pull would): asked again, with the new text.
    const { ctx, close } = openServiceContext(dataDir);
    ctx.sqlite
      .prepare('UPDATE requirements SET params = ? WHERE id = ?')
      .run(JSON.stringify({ command: `touch ${canary2}` }), seed.requirementIds[1]);
    close();
    await page.getByTestId('check-this-machine').click();
    await expect(approval.getByTestId('approval-commands')).toHaveText(`$ touch ${canary2}`);
    await approval.getByTestId('approval-cancel').click();
    expect(fs.existsSync(canary2)).toBe(false);
  } finally {
    for (const f of [canary, canary2]) fs.rmSync(f, { force: true });
  }
});
