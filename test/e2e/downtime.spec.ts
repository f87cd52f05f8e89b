import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

/** Serious and critical axe findings (WCAG 2.x A and AA), as accessibility.spec.ts counts them. */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a manager records an outage across the spring DST change and sees the downtime on the dashboard', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-downtime-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  const api = shell.call;
  await api('profile.set', { name: 'Rita Manager', role: 'release_manager' });
  const [deployment] = await api<{ id: string }[]>('deployments.list', {});
  const sites = await api<{ id: string; code: string }[]>('sites.list', { deploymentId: deployment!.id });
  const cgn = sites.find((s) => s.code === 'CGN-004')!;
  await api('issues.create', { siteId: cgn.id, title: 'Tills offline after the night update', severity: 'critical', category: 'software' });

  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(shell.url);
  await page.getByTestId('site-CGN-004').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'CGN-004');
  await page.getByTestId('tab-issues').click();
  await page.getByTestId('issue-row').filter({ hasText: 'Tills offline after the night update' }).click();
  const detail = page.getByTestId('issue-detail');
  await expect(detail.getByTestId('issue-impact')).toHaveAttribute('data-impact', 'unrecorded');

  // Köln is in Europe/Berlin: 28 Mar 2026 23:30 CET to 29 Mar 03:30 CEST is 4 hours on the wall clock, 180 minutes of outage.
  await detail.getByTestId('issue-impact-edit').click();
  const form = page.getByTestId('impact-form');
  await expect(form.getByText('Start (site time, Europe/Berlin)')).toBeVisible();
  await pick(page, 'impact-component', 'POS software');
  await form.getByTestId('impact-start').fill('2026-03-28T23:30');
  // An end before the start is refused at the field before anything is sent.
  await form.getByTestId('impact-end').fill('2026-03-28T22:00');
  await expect(form.getByText('The service impact must end after it starts')).toBeVisible();
  await expect(form.getByTestId('impact-submit')).toBeDisabled();
  await form.getByTestId('impact-end').fill('2026-03-29T03:30');
  await form.getByTestId('impact-users').fill('14');
  expect(await seriousViolations(page, 'service impact form')).toEqual([]);
  await form.getByTestId('impact-submit').click();
  await expect(form).toBeHidden();

  const impact = detail.getByTestId('issue-impact');
  await expect(impact).toHaveAttribute('data-impact', 'outage');
  await expect(impact).toHaveAttribute('data-open', 'false');
  await expect(impact.getByTestId('issue-impact-service')).toHaveText('POS software · 14 users or tills affected');
  await expect(impact.getByTestId('issue-impact-minutes')).toHaveText('(180 min)');
  const history = detail.getByTestId('issue-event');
  await expect(history.last()).toContainText('Service impact changed');
  await expect(history.last()).toContainText(
    'Outage of POS software, 28 Mar 2026, 23:30 (Europe/Berlin) until 29 Mar 2026, 03:30 (Europe/Berlin); 14 users or tills affected',
  );
  await page.screenshot({ path: 'test-results/downtime-issue.png' });

  // The dashboard: 180 minutes here plus the sample's 55-minute outage at LIL-006, both in Wave 1.
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  // The site report shows the impact with the issue.
  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('report-issue-impact')).toContainText('Service impact: outage');
  await expect(page.getByTestId('report-issue-impact')).toContainText('180 min · 14 users or tills');
  await page.getByTestId('deployment-row').first().click();
  await expect(page.getByTestId('deployment-overview')).toBeVisible();
  await page.getByTestId('open-dashboard').click();
  await expect(page.getByTestId('dashboard-view')).toBeVisible();
  await expect(page.getByTestId('kpi-downtime-value')).toHaveText('235 min');
  await expect(page.getByTestId('kpi-downtime')).toContainText('2 outages');
  await expect(page.getByTestId('kpi-downtime')).toContainText('MTTR 117.5 min');
  const panel = page.getByTestId('dashboard-downtime');
  await expect(panel.locator('[data-testid="downtime-wave"][data-wave="Wave 1"]').getByTestId('downtime-wave-minutes')).toHaveText('235');
  await expect(panel.locator('[data-testid="downtime-wave"][data-wave="Pilot"]').getByTestId('downtime-wave-minutes')).toHaveText('0');
  const longest = panel.getByTestId('downtime-outage');
  await expect(longest).toHaveCount(2);
  await expect(longest.first()).toContainText('CGN-004');
  await expect(longest.first()).toContainText('Tills offline after the night update');
  await expect(longest.first()).toContainText('180');
  await panel.scrollIntoViewIfNeeded();
  // The "saved" notification closes by itself first: the dashboard is what is checked here.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  expect(await seriousViolations(page, 'dashboard with downtime')).toEqual([]);
  await page.screenshot({ path: 'test-results/downtime-dashboard.png' });
});
