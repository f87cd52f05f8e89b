import { expect, test } from '@playwright/test';
import { tempDataDir } from '../support/temp-core';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

interface JobStatus {
  state: 'running' | 'finished' | 'cancelled';
  hosts: { runId: string | null; outcome: string | null; counts: { fail: number; error: number } | null }[];
}

test('a passing check of this machine is linked as evidence from the run detail, and only then the check_run item can be done', async ({ page }) => {
  shell = await startBrowserShell(tempDataDir('outpost-e2e-evidence'), ['--demo']);
  const running = shell;
  const [deployment] = await running.call<{ id: string }[]>('deployments.list', {});
  const sites = await running.call<{ id: string; code: string }[]>('sites.list', { deploymentId: deployment!.id });
  const site = sites.find((s) => s.code === 'AMS-001')!;
  // A role no requirement names leaves only the requirements for every machine (the clock check), which this machine passes.
  const { jobId } = await running.call<{ jobId: string }>('checks.checkThisMachine', { siteId: site.id, role: 'evidence-e2e' });
  await expect.poll(async () => (await running.call<JobStatus>('checks.status', { jobId })).state, { timeout: 60_000 }).toBe('finished');
  const host = (await running.call<JobStatus>('checks.status', { jobId })).hosts[0]!;
  expect(host).toMatchObject({ outcome: 'completed', counts: { fail: 0, error: 0 } });

  await page.goto(running.url);
  await page.getByTestId('site-AMS-001').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'AMS-001');
  await page.getByTestId('tab-checklist').click();
  const verify = page.getByTestId('checklist-item').filter({ hasText: 'Verify target machines pass all checks' });
  await expect(verify.getByTestId('item-done')).toBeDisabled();
  await verify.getByTestId('item-done').locator('xpath=..').hover();
  await expect(page.getByRole('tooltip')).toContainText('A passing check run must be linked');
  await expect(verify.getByTestId('evidence-run')).toHaveCount(0);

  await page.getByTestId('tab-machines').click();
  await page.getByTestId('this-machine').getByTestId('open-this-machine-run').click();
  const evidence = page.getByTestId('run-detail').getByTestId('link-evidence');
  await evidence.getByTestId('link-evidence-item').selectOption({ label: 'After: Verify target machines pass all checks' });
  await evidence.getByTestId('link-evidence-submit').click();
  await expect(evidence.getByTestId('linked-items')).toContainText('Verify target machines pass all checks');
  await page.keyboard.press('Escape');

  await page.getByTestId('tab-checklist').click();
  await expect(verify.getByTestId('evidence-run')).toHaveAttribute('data-pass', 'true');
  await expect(verify.getByTestId('evidence-run')).toContainText('PASS');
  await verify.getByTestId('item-done').click();
  await expect(verify).toHaveAttribute('data-state', 'done');
  const stored = await running.call<{ phases: { items: { title: string; state: string; evidenceRuns: { runId: string }[] }[] }[] }>('checklist.get', { siteId: site.id });
  const item = stored.phases.flatMap((p) => p.items).find((i) => i.title.startsWith('Verify target machines'))!;
  expect(item).toMatchObject({ state: 'done', evidenceRuns: [{ runId: host.runId }] });
});
