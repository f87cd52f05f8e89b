import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signaturePng } from '../support/signoff-fixtures';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shells: RunningShell[] = [];
test.afterEach(async () => {
  await Promise.all(shells.map((s) => s.stop('SIGKILL')));
  shells = [];
});

const tempDir = (label: string) => fs.mkdtempSync(path.join(os.tmpdir(), `outpost-e2e-${label}-`));

test('a technician exports a site report file; a release manager imports it through the UI and reads the report', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // Technician: the demo deployment, some field work through the API, then the export button.
  const tech = await startBrowserShell(tempDir('report-tech'), ['--demo']);
  shells.push(tech);
  const deployments = await tech.call<{ id: string }[]>('deployments.list', {});
  const sites = await tech.call<{ id: string; code: string }[]>('sites.list', { deploymentId: deployments[0]!.id });
  const site = sites.find((s) => s.code === 'AMS-001')!;
  const items = (await tech.call<{ items: { id: string; expectedSerial: string }[] }>('inventory.list', { siteId: site.id, limit: 500 }))
    .items;
  for (const item of items.slice(0, 3)) await tech.call('inventory.receive', { siteId: site.id, serial: item.expectedSerial });
  await tech.call('inventory.setState', { itemId: items[2]!.id, state: 'damaged', note: 'Cracked front panel' });
  const issue = await tech.call<{ id: string }>('issues.create', {
    siteId: site.id,
    title: 'Rack door does not lock',
    severity: 'medium',
    category: 'facility',
    blocksSignOff: false,
  });
  await tech.call('issues.comment', { issueId: issue.id, text: 'Facility team informed' });
  // The site is not finished: the owner accepts it with a reason for each open gap.
  const { reviewHash, gaps } = await tech.call<{ reviewHash: string; gaps: { id: string; kind: string }[] }>('signoff.review', {
    siteId: site.id,
    kind: 'site_complete',
  });
  const gapReasons = gaps.filter((g) => g.kind !== 'open_issue').map((g) => ({ gapId: g.id, reason: 'Second visit next week' }));
  await tech.call('signoff.sign', {
    kind: 'site_complete',
    siteId: site.id,
    reviewHash,
    decision: 'accepted_with_exceptions',
    gapReasons,
    signerName: 'Sanne de Vries',
    signerRole: 'Store manager',
    signerEmail: 'sanne@example.com',
    signerTimeZone: 'Europe/Amsterdam',
    signaturePngBase64: signaturePng(),
    statementConfirmed: true,
  });

  const techPage = await browser.newPage();
  await techPage.goto(tech.url);
  await techPage.getByTestId('site-AMS-001').click();
  await techPage.getByTestId('tab-report').click();
  await expect(techPage.getByTestId('report-reconciliation')).toContainText('received 3');
  const download = techPage.waitForEvent('download');
  await techPage.getByTestId('report-export-file').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^AMS-001-\d{8}-\d{4}\.outpost-report$/);
  const reportFile = path.join(tempDir('report-file'), file.suggestedFilename());
  await file.saveAs(reportFile);
  // The technician sees the key the file is signed with (to read out to the importer), until closed.
  const exportedKey = (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { manifest: { device: { fingerprint: string } } }).manifest.device
    .fingerprint;
  await expect(techPage.getByText(`signed with this device's key ${exportedKey}`)).toBeVisible();
  await techPage.close();

  // Release manager: a fresh device.
  const manager = await startBrowserShell(tempDir('report-rm'));
  shells.push(manager);
  await manager.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
  await page.goto(manager.url);
  await page.getByTestId('open-import-reports').click();
  const dialog = page.getByTestId('import-reports-modal');
  await dialog.locator('input[type="file"]').setInputFiles(reportFile);
  await expect(dialog.getByTestId('report-preview-site')).toContainText('AMS-001');
  // The technician's device never signed in to a server: its key is unregistered, so the fingerprint is shown and must be confirmed.
  const techFingerprint = (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { manifest: { device: { fingerprint: string } } }).manifest
    .device.fingerprint;
  await expect(dialog.getByTestId('report-unknown-device')).toContainText('Key not registered: unverified signer');
  await expect(dialog.getByTestId('report-key-fingerprint')).toHaveText(techFingerprint);
  await expect(dialog.getByTestId('report-preview-entities')).toContainText('inventory items');
  await expect(dialog.getByTestId('import-report-file')).toBeDisabled();
  await dialog.getByTestId('confirm-fingerprint').check();
  await dialog.getByTestId('import-report-file').click();
  await expect(dialog.getByTestId('report-import-result')).toContainText('Imported site AMS-001');
  await dialog.getByTestId('open-imported-report').click();

  const report = page.getByTestId('site-report');
  await expect(report.getByTestId('report-site')).toHaveText(/AMS-001/);
  await expect(report.getByTestId('report-reconciliation')).toContainText('received 3');
  await expect(report.getByTestId('report-reconciliation')).toContainText('damaged 1');
  await expect(report.getByTestId('report-damaged')).toContainText('Cracked front panel');
  await expect(report.getByTestId('report-issue')).toContainText('Rack door does not lock');
  await expect(report.getByTestId('report-issue-event').nth(1)).toContainText('Facility team informed');
  await expect(report.getByTestId('report-signoff')).toContainText('Sanne de Vries');
  await expect(report.getByTestId('report-signoff-valid')).toBeVisible();
  await expect(report.getByTestId('report-signed-off')).not.toHaveText('not yet');
  await expect(report.getByTestId('report-status')).toHaveText('signed off');

  // The same file again: nothing new. A tampered copy: refused, naming what failed.
  await page.getByTestId('open-import-reports').click();
  await dialog.locator('input[type="file"]').setInputFiles(reportFile);
  await expect(dialog.getByTestId('report-nothing-new')).toBeVisible();
  await expect(dialog.getByTestId('report-unknown-device')).toHaveCount(0);
  await expect(dialog.getByTestId('report-signer')).toContainText('fingerprint confirmed by Rita Manager');
  const tampered = path.join(path.dirname(reportFile), 'tampered.outpost-report');
  fs.writeFileSync(tampered, fs.readFileSync(reportFile, 'utf8').replace('Rack door does not lock', 'Rack door does not lack'));
  await dialog.locator('input[type="file"]').setInputFiles(tampered);
  await expect(dialog.getByTestId('report-refused')).toContainText('rows were changed');
  await expect(dialog.getByTestId('import-report-file')).toHaveCount(0);
});
