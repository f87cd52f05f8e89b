import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

async function openSite(page: Page, code: string) {
  await page.getByTestId(`site-${code}`).click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', code);
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an issue logged from a failed checklist item, escalated, blocks the site and survives a SIGKILL', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-issues-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await openSite(page, 'AMS-001');

  // Fail a checklist item with a note.
  await page.getByTestId('tab-checklist').click();
  const item = page.getByTestId('phase-before').getByTestId('checklist-item').first();
  await item.getByTestId('item-failed').click();
  await page.getByTestId('item-note').fill('Rack rails bent in transport; cannot mount the firewall');
  await page.getByTestId('item-note-confirm').click();
  await expect(item).toHaveAttribute('data-state', 'failed');

  // "Log issue" from it: the link and the failure note are filled in.
  await item.getByTestId('log-issue').click();
  await expect(page.getByTestId('issue-source')).toContainText('checklist item');
  await expect(page.getByTestId('issue-title')).toHaveValue(/^Failed: /);
  await expect(page.getByTestId('issue-description')).toHaveValue('Rack rails bent in transport; cannot mount the firewall');
  await pick(page, 'issue-severity', 'High');
  await pick(page, 'issue-category', 'Hardware');
  await page.getByTestId('issue-blocks').check();
  await page.getByTestId('issue-submit').click();
  await expect(page.getByTestId('issue-title')).toHaveCount(0);

  // In the Issues tab: open it and escalate it.
  await page.getByTestId('tab-issues').click();
  const row = page.getByTestId('issue-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-blocking', 'true');
  await row.click();
  const detail = page.getByTestId('issue-detail');
  await expect(detail.getByTestId('issue-link')).toHaveAttribute('data-kind', 'checklist_item');
  await detail.getByTestId('issue-escalate').click();
  await page.getByTestId('escalate-reason').fill('Needs replacement rails from the vendor');
  await page.getByTestId('escalate-confirm').click();
  await expect(detail).toHaveAttribute('data-status', 'escalated');
  await expect(detail.getByTestId('issue-event')).toHaveCount(2);
  await expect(detail.getByTestId('issue-event').last()).toContainText('Escalated to level 1');
  await expect(detail.getByTestId('issue-event').last()).toContainText('Needs replacement rails from the vendor');
  await page.keyboard.press('Escape');
  await expect(row).toHaveAttribute('data-status', 'escalated');

  // Counted as blocking on the overview and in the navigator.
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('overview-blocking')).toHaveText('1');
  await expect(page.getByTestId('overview-blocking-issue')).toContainText('Failed: ');
  await expect(page.getByTestId('site-AMS-001').getByTestId('blocking-count')).toHaveText('1');
  await expect(page.getByTestId('site-UTR-002').getByTestId('blocking-count')).toHaveCount(0);

  // Kill the host without warning and start it again on the same data: all still there.
  await shell.stop('SIGKILL');
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);
  await expect(page.getByTestId('site-AMS-001').getByTestId('blocking-count')).toHaveText('1');
  await openSite(page, 'AMS-001');
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('overview-blocking')).toHaveText('1');
  await page.getByTestId('tab-issues').click();
  await expect(page.getByTestId('issue-row')).toHaveAttribute('data-status', 'escalated');
  await page.getByTestId('issue-row').click();
  await expect(page.getByTestId('issue-event')).toHaveCount(2);
  await expect(page.getByTestId('issue-event').first()).toHaveAttribute('data-kind', 'created');
});

test('a site rolled back with a reason and an issue makes the rollback phase the active one', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-rollback-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  const deployments = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<{ id: string; code: string }[]>('sites.list', { deploymentId: deployments[0]!.id });
  const site = sites.find((s) => s.code === 'UTR-002')!;
  await shell.call('issues.create', {
    siteId: site.id,
    title: 'Core switch dead on arrival',
    severity: 'critical',
    category: 'network',
    blocksSignOff: true,
  });
  await page.goto(shell.url);
  await openSite(page, 'UTR-002');

  await page.getByTestId('tab-checklist').click();
  await expect(page.getByTestId('rollback-phase-state')).toHaveText('Only if rolled back');
  await expect(page.getByTestId('phase-rollback')).toHaveAttribute('data-collapsed', 'true');

  await page.getByTestId('status-menu').click();
  await page.getByTestId('rollback-site').click();
  await page.getByTestId('rollback-reason-input').fill('No network after cut-over; back to the old firewall');
  await page.getByTestId('rollback-issues').click();
  await page.getByRole('option', { name: '#1 Core switch dead on arrival' }).click();
  await page.getByTestId('rollback-reason-input').click(); // closes the issue picker's dropdown
  await page.getByTestId('rollback-confirm').click();

  await expect(page.getByTestId('workspace-status')).toHaveAttribute('data-status', 'rolled_back');
  await expect(page.getByTestId('rollback-phase-state')).toHaveText('Active: site rolled back');
  await expect(page.getByTestId('phase-rollback')).toHaveAttribute('data-collapsed', 'false');
  await expect(page.locator('[data-testid^="phase-"][data-completed]').first()).toHaveAttribute('data-testid', 'phase-rollback');
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('rollback-reason')).toHaveText('No network after cut-over; back to the old firewall');
  await expect(page.getByTestId('rollback-notice')).toContainText('#1');
  await expect(page.getByTestId('deployment-rolled-back')).toContainText('1 rolled back');
});

test('a photo added to a comment is stored by its hash and shown in the history', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-photo-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await openSite(page, 'BRU-003');
  await page.getByTestId('tab-issues').click();
  await page.getByTestId('new-issue').click();
  await page.getByTestId('issue-title').fill('Door to the server room does not lock');
  await pick(page, 'issue-category', 'Facility');
  await page.getByTestId('issue-submit').click();
  await page.getByTestId('issue-row').click();

  // A 1×1 PNG, as a phone would hand over a (much larger) photo.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('issue-detail').getByTestId('issue-photo').click();
  await (await chooser).setFiles({ name: 'door.png', mimeType: 'image/png', buffer: png });
  await page.getByTestId('issue-comment').fill('Lock cylinder missing, see photo');
  await page.getByTestId('issue-comment-submit').click();
  await expect(page.getByTestId('issue-event').last()).toContainText('Lock cylinder missing, see photo');
  await expect(page.getByTestId('issue-event').last().getByTestId('issue-photo-thumb')).toBeVisible();
  // Stored under its hash (the sample's training signatures are attachments too).
  const sha256 = createHash('sha256').update(png).digest('hex');
  expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toContain(sha256);
  expect(fs.readFileSync(path.join(dataDir, 'attachments', sha256))).toEqual(png);
});
