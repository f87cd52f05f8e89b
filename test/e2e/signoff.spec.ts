import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Draws a signature-like stroke with real mouse movements over the canvas. */
async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y0);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(box.x + 20 + i * ((box.width - 40) / 30), y0 + Math.sin(i / 3) * (box.height / 3), { steps: 2 });
  }
  await page.mouse.up();
}

test('an escalated blocking issue accepted as an exception, a drawn signature, the PDF exported and verified by the CLI', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-signoff-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-AMS-001').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'AMS-001');

  // A failed checklist item, logged as a blocking issue and escalated.
  await page.getByTestId('tab-checklist').click();
  const item = page.getByTestId('phase-before').getByTestId('checklist-item').first();
  await item.getByTestId('item-failed').click();
  await page.getByTestId('item-note').fill('Fibre patch cable missing');
  await page.getByTestId('item-note-confirm').click();
  await item.getByTestId('log-issue').click();
  await pick(page, 'issue-severity', 'High');
  await pick(page, 'issue-category', 'Network');
  await page.getByTestId('issue-blocks').check();
  await page.getByTestId('issue-submit').click();
  await page.getByTestId('tab-issues').click();
  await page.getByTestId('issue-row').click();
  await page.getByTestId('issue-detail').getByTestId('issue-escalate').click();
  await page.getByTestId('escalate-reason').fill('Carrier must deliver the cable');
  await page.getByTestId('escalate-confirm').click();
  await expect(page.getByTestId('issue-detail')).toHaveAttribute('data-status', 'escalated');
  await page.keyboard.press('Escape');

  // Sign-off: the blocking issue prevents "accepted" until it is accepted as an exception.
  await page.getByTestId('tab-signoff').click();
  // The review shows every open gap first: this site is far from complete, so it cannot be "Accepted".
  const gaps = page.getByTestId('signoff-gap');
  await expect(gaps.first()).toBeVisible();
  const gapCount = await gaps.count();
  expect(gapCount).toBeGreaterThan(40);
  const gapList = page.getByTestId('signoff-gaps');
  await expect(gapList).toContainText('Checklist (before): "Check power and backup power" is not done');
  await expect(gapList).toContainText('Inventory: PowerEdge R660xs');
  await expect(gapList).toContainText('never checked');
  await expect(gapList).toContainText('is open and blocks sign-off');
  await expect(gapList).not.toContainText('(rollback)');
  const box = async (testId: string) => (await page.getByTestId(testId).boundingBox())!.y;
  expect(await box('signoff-gaps')).toBeLessThan(await box('review-issues'));
  // One message says what to do about blocking issues; the form says only what to do about the gaps.
  const banner = page.getByTestId('signoff-blocking');
  await expect(banner).toHaveText(
    /^1 open blocking issue \(#\d+\): accept it as an exception with a reason, then choose "Accepted with exceptions"; or choose "Rejected" with a reason\.$/,
  );
  await expect(page.getByTestId('review-issue')).toContainText('Failed: ');
  await page.getByTestId('decision-accepted').check();
  await expect(banner).toContainText('then choose "Accepted with exceptions"');
  const refusal = page.getByTestId('decision-refusal');
  await expect(refusal).toContainText(`Not complete: ${gapCount} open gaps`);
  await expect(page.getByTestId('sign-submit')).toBeDisabled();
  await page.getByTestId('accept-exception').check();
  await page.getByTestId('exception-reason').fill('Store can trade on the backup link until Friday');
  await expect(banner).toHaveText('Issues are accepted as exceptions: choose "Accepted with exceptions" to sign.');
  await expect(refusal).toContainText(`Not complete: ${gapCount} open gaps`);
  await page.getByTestId('decision-accepted_with_exceptions').check();
  await expect(banner).toHaveCount(0);
  // Every other gap needs its reason: one typed for the first, one for all the rest.
  await expect(refusal).toContainText(`Give a reason for each open gap: ${gapCount - 1} of ${gapCount} have none yet`);
  await page.getByTestId('gap-reason').first().fill('Reconciled again when the carrier brings the fibre cable');
  await page.getByTestId('gap-common-reason').fill('Second visit next week, agreed with the store manager');
  await page.getByTestId('gap-fill-reasons').click();
  await expect(refusal).toHaveCount(0);

  await page.getByTestId('signer-name').fill('Sanne de Vries');
  await page.getByTestId('signer-role').fill('Store manager (site owner)');
  await page.getByTestId('signer-email').fill('sanne.devries@example.com');
  await drawSignature(page);
  await expect(page.getByTestId('sign-submit')).toBeDisabled(); // statement not confirmed yet
  await page.getByTestId('confirm-statement').check();
  await page.getByTestId('sign-submit').click();

  const row = page.getByTestId('sheet-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('sheet-validity')).toHaveText('VALID');
  await expect(row).toContainText('Accepted with exceptions (1 exception)');
  // The sheet lists every gap with its reason.
  const signedSheet = await shell.call<{ content: { gaps: { kind: string; label: string; reason: string }[] } }>('signoff.get', {
    sheetId: await row.getAttribute('data-sheet-id'),
  });
  expect(signedSheet.content.gaps).toHaveLength(gapCount);
  expect(signedSheet.content.gaps[0]).toMatchObject({
    label: 'Checklist (before): "Reconcile delivered hardware against the expected inventory" is failed',
    reason: 'Reconciled again when the carrier brings the fibre cable',
  });
  expect(signedSheet.content.gaps.filter((g) => g.reason === 'Second visit next week, agreed with the store manager')).toHaveLength(
    gapCount - 2,
  );
  expect(signedSheet.content.gaps.find((g) => g.kind === 'open_issue')).toMatchObject({
    reason: 'Store can trade on the backup link until Friday',
  });
  await expect(page.getByTestId('signoff-blocking')).toHaveCount(0);
  await expect(page.getByTestId('changed-since-signoff')).toHaveCount(0);

  // Export the PDF through the browser download and verify it with the built CLI.
  // The success notification covers the button until it closes (and a hovering pointer keeps it open).
  await page.mouse.move(5, 5);
  await expect(page.getByText('Signed. The sheet and its PDF')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await row.getByTestId('export-pdf').click();
  const download = await downloading;
  const file = path.join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  // A desktop that never signed in to a server: its key is not registered, so verify needs --allow-unregistered.
  const output = execFileSync('node', ['dist/launcher/cli.mjs', 'verify', file, '--data-dir', dataDir, '--allow-unregistered'], {
    encoding: 'utf8',
  });
  expect(output).toContain('signed by:  Sanne de Vries, Store manager (site owner)');
  expect(output).toContain('Store can trade on the backup link until Friday');
  expect(output).toContain('signer:     key not registered: unverified signer');
  expect(output.trim().endsWith('VALID (key not registered: unverified signer; accepted with --allow-unregistered)')).toBe(true);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Sanne de Vries');
  expect(text).toContain('Amsterdam Kalverstraat');

  // A later change to what the sheet covers: "changed since sign-off"; the old sheet stays.
  await page.getByTestId('tab-checklist').click();
  const next = page.getByTestId('phase-before').getByTestId('checklist-item').nth(1);
  await next.getByTestId('item-failed').click();
  await page.getByTestId('item-note').fill('Second item failed after signing');
  await page.getByTestId('item-note-confirm').click();
  await page.getByTestId('tab-signoff').click();
  await expect(page.getByTestId('changed-since-signoff')).toBeVisible();
  await expect(page.getByTestId('sheet-row')).toHaveCount(1);
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('overview-changed-since-signoff')).toContainText('Site deployment complete');
});

test('the Deployment Complete Milestone is offered from the close-out only when the deployment is ready; otherwise it says what is missing', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-milestone-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await expect(page.getByTestId('deployment-overview')).toBeVisible();
  await expect(page.getByTestId('closeout-open')).toHaveCount(0); // technicians do not see it
  await shell.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  await page.reload();
  await page.getByTestId('closeout-open').click();
  const panel = page.getByTestId('closeout-panel');
  await expect(panel).toHaveAttribute('data-ready', 'false');
  await expect(panel.getByTestId('closeout-state')).toHaveText('Not ready');
  await expect(panel.getByTestId('closeout-condition-sites_accounted_for')).toHaveAttribute('data-met', 'false');
  await expect(panel.getByTestId('closeout-outstanding')).toContainText('AMS-001');
  await expect(panel.getByTestId('closeout-not-ready')).toContainText('every site signed off or rolled back');
  await expect(page.getByTestId('signoff-panel')).toHaveCount(0);
});
