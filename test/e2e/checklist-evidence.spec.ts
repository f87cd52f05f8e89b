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

test('a passing check of this machine is linked as evidence from the run detail, and only then the check_run item can be done', async ({
  page,
}) => {
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
  const stored = await running.call<{ phases: { items: { title: string; state: string; evidenceRuns: { runId: string }[] }[] }[] }>(
    'checklist.get',
    { siteId: site.id },
  );
  const item = stored.phases.flatMap((p) => p.items).find((i) => i.title.startsWith('Verify target machines'))!;
  expect(item).toMatchObject({ state: 'done', evidenceRuns: [{ runId: host.runId }] });
});

test('evidence a checklist item names is asked for: a note (counted, refused over 4,000 characters, long notes collapse), a photo; reopening a prerequisite reopens its dependent', async ({
  page,
}) => {
  shell = await startBrowserShell(tempDataDir('outpost-e2e-evidence-kinds'), ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-checklist').click();

  // "Evidence: Note": Done opens the note dialog; 5,000 characters are counted and refused, not cut.
  // The first row with this title; the dependent's row names it too ("After …").
  const reconcile = page.getByTestId('checklist-item').filter({ hasText: 'Reconcile delivered hardware' }).first();
  await reconcile.getByTestId('item-done').click();
  const note = page.getByTestId('item-note');
  await note.fill('x'.repeat(5000));
  await expect(note).toHaveValue('x'.repeat(5000));
  await expect(page.getByTestId('length-counter')).toHaveText('5,000 / 4,000');
  await expect(page.getByText('At most 4,000 characters: this text has 5,000.')).toBeVisible();
  await expect(page.getByTestId('item-note-confirm')).toBeDisabled();
  const long = Array.from({ length: 60 }, (_, i) => `Line ${i + 1}: rack R1 unit ${i} scanned and matched.`).join('\n');
  await note.fill(long);
  await expect(page.getByTestId('item-note-confirm')).toBeEnabled();
  await page.getByTestId('item-note-confirm').click();
  await expect(reconcile).toHaveAttribute('data-state', 'done');
  // The long note shows a few lines and "Show more"; the whole text is there.
  const collapsed = reconcile.getByTestId('collapsible-text');
  await expect(collapsed.getByRole('button', { name: 'Show more' })).toBeVisible();
  expect((await collapsed.boundingBox())!.height).toBeLessThan(140);
  await collapsed.getByRole('button', { name: 'Show more' }).click();
  await expect(collapsed).toContainText('Line 60: rack R1 unit 59 scanned and matched.');

  // "Evidence: Photo": Done stays disabled, saying why, until a photo is attached.
  const mount = page.getByTestId('checklist-item').filter({ hasText: 'Mount firewall, switches and UPS' }).first();
  await expect(mount.getByTestId('item-evidence')).toHaveAttribute('data-missing', 'true');
  await expect(mount.getByTestId('item-done')).toBeDisabled();
  await mount.getByTestId('item-done').locator('xpath=..').hover();
  await expect(page.getByRole('tooltip')).toContainText('A photo must be attached');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const chooser = page.waitForEvent('filechooser');
  await mount.getByTestId('item-attach-photo').click();
  await (await chooser).setFiles({ name: 'rack.png', mimeType: 'image/png', buffer: png });
  await expect(mount.getByTestId('evidence-photo')).toHaveCount(1);
  await expect(mount.getByTestId('item-done')).toBeEnabled();
  await mount.getByTestId('item-done').click();
  await expect(mount).toHaveAttribute('data-state', 'done');

  // Reopening the prerequisite asks, names the dependent, and reopens it too.
  await reconcile.getByTestId('item-reopen').click();
  await expect(page.getByTestId('reopen-dependents-list')).toContainText('Mount firewall, switches and UPS');
  await page.getByTestId('reopen-dependents-confirm').click();
  await expect(reconcile).toHaveAttribute('data-state', 'todo');
  await expect(mount).toHaveAttribute('data-state', 'todo');
});
