import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signaturePng } from '../support/signoff-fixtures';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

interface Site {
  id: string;
  code: string;
}
interface Reconciliation {
  expected: number;
  received: number;
  surplus: number;
  damaged: number;
}

test('a release manager reads the dashboard, drills down to a site and records a go decision on the next wave', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-dashboard-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  const api = shell.call;
  const [deployment] = await api<{ id: string }[]>('deployments.list', {});
  const sites = await api<Site[]>('sites.list', { deploymentId: deployment!.id });
  const site = (code: string) => sites.find((s) => s.code === code)!;

  // Field work, as the demo technician: AMS-001 received an item, was checked and signed off;
  // UTR-002 has a blocking high issue and a damaged item; BRU-003 was rolled back.
  const ams = site('AMS-001');
  const [firstItem] = (await api<{ items: { id: string; expectedSerial: string }[] }>('inventory.list', { siteId: ams.id, limit: 1 }))
    .items;
  await api('inventory.receive', { siteId: ams.id, serial: firstItem!.expectedSerial });
  const machines = await api<{ id: string; hostName: string }[]>('machines.list', { siteId: ams.id });
  const db = new Database(path.join(dataDir, 'outpost.db'));
  const insertRun = db.prepare(
    `INSERT INTO check_runs (id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, pass_count, fail_count, error_count)
     VALUES (?, ?, ?, ?, 'job-e2e', ?, ?, 'Demo technician', 'completed', 8, ?, 0)`,
  );
  const now = new Date().toISOString();
  insertRun.run('run-pass', ams.id, machines[0]!.id, machines[0]!.hostName, now, now, 0);
  insertRun.run('run-fail', ams.id, machines[1]!.id, machines[1]!.hostName, now, now, 2);
  db.close();
  // AMS-001 is not finished (one check failed): signed with a reason for each open gap.
  const { reviewHash, gaps } = await api<{ reviewHash: string; gaps: { id: string; kind: string }[] }>('signoff.review', {
    siteId: ams.id,
    kind: 'site_complete',
  });
  await api('signoff.sign', {
    kind: 'site_complete',
    siteId: ams.id,
    reviewHash,
    decision: 'accepted_with_exceptions',
    gapReasons: gaps.filter((g) => g.kind !== 'open_issue').map((g) => ({ gapId: g.id, reason: 'Second visit next week' })),
    signerName: 'Sanne de Vries',
    signerRole: 'Store manager',
    signerEmail: 'sanne.devries@example.com',
    signerTimeZone: 'Europe/Amsterdam',
    signaturePngBase64: signaturePng(),
    statementConfirmed: true,
  });
  const utr = site('UTR-002');
  await api('issues.create', { siteId: utr.id, title: 'Store uplink down', severity: 'high', category: 'network', blocksSignOff: true });
  const [utrItem] = (await api<{ items: { id: string }[] }>('inventory.list', { siteId: utr.id, limit: 1 })).items;
  await api('inventory.setState', { itemId: utrItem!.id, state: 'damaged', note: 'Cracked case' });
  await api('sites.rollback', { siteId: site('BRU-003').id, reason: 'POS software crashed at opening' });
  await api('profile.set', { name: 'Rita Manager', role: 'release_manager' });

  // Discrepancies as the sites' own reconciliation counts them: missing + damaged + surplus.
  let discrepancies = 0;
  for (const s of sites) {
    const r = await api<Reconciliation>('inventory.reconciliation', { siteId: s.id });
    discrepancies += r.expected - r.received + r.damaged + r.surplus;
  }

  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(shell.url);
  await expect(page.getByTestId('deployment-overview')).toBeVisible();
  await page.getByTestId('open-dashboard').click();
  await expect(page.getByTestId('dashboard-view')).toBeVisible();

  // KPI cards.
  await expect(page.getByTestId('kpi-signed-off-value')).toHaveText('1 / 6');
  await expect(page.getByTestId('kpi-rollbacks-value')).toHaveText('1');
  await expect(page.getByTestId('kpi-blocking-value')).toHaveText('1');
  await expect(page.getByTestId('kpi-discrepancies-value')).toHaveText(String(discrepancies));
  await expect(page.getByTestId('kpi-checks-value')).toHaveText('50%');
  await expect(page.getByTestId('kpi-duration')).toContainText('1 site');

  // Every chart drew on its canvas.
  for (const chart of [
    'chart-status-by-wave',
    'chart-adherence',
    'chart-outcomes',
    'chart-severity',
    'chart-category',
    'chart-checks',
    'chart-duration',
    'chart-inventory',
  ]) {
    await expect(page.getByTestId(chart)).toHaveAttribute('data-rendered', 'true');
    await expect(page.getByTestId(chart).locator('canvas')).toHaveCount(1);
  }

  await page.screenshot({ path: 'test-results/dashboard-top.png' });

  // The per-site table.
  await expect(page.getByTestId('dashboard-row-count')).toHaveText('6 of 6 sites');
  const amsRow = page.locator('[data-testid="dashboard-site-row"][data-site-code="AMS-001"]');
  await expect(amsRow).toContainText('Signed off');
  await expect(amsRow.getByTestId('site-checks')).toHaveText('25% (1/4)');
  const utrRow = page.locator('[data-testid="dashboard-site-row"][data-site-code="UTR-002"]');
  await expect(utrRow.getByTestId('site-open-issues')).toContainText('1');
  await expect(utrRow.getByTestId('site-open-issues')).toContainText('1 blocking');
  await page.getByTestId('dashboard-filter-status').click();
  await page.getByRole('option', { name: 'Rolled back', exact: true }).click();
  await expect(page.getByTestId('dashboard-row-count')).toHaveText('1 of 6 sites');
  await expect(page.getByTestId('dashboard-site-row')).toHaveCount(1);
  await expect(page.getByTestId('dashboard-site-row')).toHaveAttribute('data-site-code', 'BRU-003');
  await page.getByTestId('dashboard-filter-status').click();
  await page.getByRole('option', { name: 'Rolled back', exact: true }).click();
  await expect(page.getByTestId('dashboard-row-count')).toHaveText('6 of 6 sites');
  await page.getByTestId('dashboard-site-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/dashboard-table.png' });

  // Drill down to a site's report, and back.
  await amsRow.click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'AMS-001');
  await expect(page.getByTestId('site-report')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/dashboard-drilldown.png' });
  await page.goBack();
  await expect(page.getByTestId('dashboard-view')).toBeVisible();
  await expect(page.getByTestId('kpi-signed-off-value')).toHaveText('1 / 6');

  // Go on Wave 1, with the pilot's figures shown before confirming.
  const wave1 = page.locator('[data-testid="wave-decisions"][data-wave-name="Wave 1"]');
  await wave1.getByTestId('decide-wave').click();
  const modal = page.getByTestId('decide-wave-modal');
  await expect(modal.getByTestId('decision-figures')).toContainText('Results of Pilot');
  await expect(modal.getByTestId('decision-figures')).toContainText('1 of 2 sites signed off');
  await expect(modal.getByTestId('decision-figures')).toContainText('1 open issues, 1 blocking sign-off');
  await expect(modal.getByTestId('decision-figures')).toContainText('Check pass rate 50%');
  await page.getByTestId('decision-note').fill('Pilot accepted; uplink issue at UTR-002 tracked with the carrier');
  await page.screenshot({ path: 'test-results/dashboard-decide.png' });
  await page.getByTestId('decision-confirm').click();
  await expect(modal).toBeHidden();
  const row = wave1.getByTestId('wave-decision-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Go');
  await expect(row).toContainText('Rita Manager');
  await expect(row).toContainText('Pilot accepted; uplink issue at UTR-002 tracked with the carrier');
  await expect(wave1.getByTestId('wave-latest-decision')).toHaveText('Go');

  // Committed in the core, with the figures at decision time.
  const dashboard = await api<{
    waves: { name: string; decisions: { decision: string; figures: { signedOff?: number; basedOn?: string[] } }[] }[];
  }>('dashboard.get', { deploymentId: deployment!.id });
  const decided = dashboard.waves.find((w) => w.name === 'Wave 1')!.decisions;
  expect(decided).toHaveLength(1);
  expect(decided[0]).toMatchObject({ decision: 'go', figures: { signedOff: 1, basedOn: ['Pilot'] } });
  await wave1.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/dashboard-decided.png' });
});
