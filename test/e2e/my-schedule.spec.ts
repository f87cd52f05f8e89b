import AxeBuilder from '@axe-core/playwright';
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

// The viewer is in New York while the sample's stores are in Europe: site time and local time differ.
test.use({ timezoneId: 'America/New_York' });

interface SiteRow {
  id: string;
  code: string;
}

test("a technician's My schedule shows their sites in order, in site and local time, and whether each is prepared for offline work", async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-'));
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);

  // Sam Okafor is the sample's technician at UTR-002 (Pilot) and DUS-005 (Wave 1).
  await page.getByTestId('profile-name').fill('Sam Okafor');
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('site-UTR-002')).toBeVisible();

  // UTR-002's machines get a trusted host key and the SSH agent as sign-in: prepared for offline work.
  const deployments = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<SiteRow[]>('sites.list', { deploymentId: deployments[0]!.id });
  const utr = sites.find((s) => s.code === 'UTR-002')!;
  const machines = await shell.call<{ id: string }[]>('machines.list', { siteId: utr.id });
  expect(machines.length).toBeGreaterThan(0);
  for (const [i, m] of machines.entries()) {
    await shell.call('checks.trustHostKey', { targetId: m.id, fingerprint: `SHA256:${String.fromCharCode(65 + i).repeat(43)}` });
    await shell.call('checks.setCredential', { targetId: m.id, kind: 'agent', useSudo: false });
  }

  await page.getByTestId('my-schedule-open').click();
  const entries = page.getByTestId('my-schedule-site');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toHaveAttribute('data-code', 'UTR-002');
  await expect(entries.nth(1)).toHaveAttribute('data-code', 'DUS-005');
  // Grouped by day (in the viewer's zone), the days in order.
  const days = await page.getByTestId('my-schedule-day').evaluateAll((els) => els.map((el) => el.getAttribute('data-day')));
  expect(days).toHaveLength(2);
  expect([...days].sort()).toEqual(days);

  const first = entries.nth(0);
  await expect(first.getByTestId('window-site-time')).toContainText('(Europe/Amsterdam)');
  await expect(first.getByTestId('window-local-time')).toContainText('(America/New_York)');
  await expect(first.getByTestId('site-prepared')).toHaveAttribute('data-prepared', 'true');
  const second = entries.nth(1);
  await expect(second.getByTestId('window-site-time')).toContainText('(Europe/Berlin)');
  await expect(second.getByTestId('site-prepared')).toHaveAttribute('data-prepared', 'false');
  await expect(second).toContainText('No trusted host key for');
  await expect(second).toContainText('No sign-in credentials for');
  // Nobody else's sites.
  await expect(page.getByTestId('my-schedule')).not.toContainText('AMS-001');

  // Past sites are hidden by default; none of Sam's are past yet, so the toggle adds none.
  await page.getByTestId('my-schedule-past').click();
  await expect(entries).toHaveCount(2);

  // A site opens its workspace.
  await first.getByRole('button', { name: /UTR-002/ }).click();
  await expect(page.getByTestId('my-schedule')).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/s/${utr.id}/`));
});

test('the Pilot wave card saves its printable schedule: sites by window, in site time', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-'));
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);
  await page.getByTestId('profile-name').fill('Sam Okafor');
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('wave-cards')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Schedule of Pilot (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^schedule-Store_systems_refresh-Pilot-\d{4}-\d\d-\d\d\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', (await file.path())!, '-'], { encoding: 'utf8' });
  expect(text).toContain('Schedule: Store systems refresh · Pilot');
  // The sample's night windows start at 20:00 UTC: 21:00 or 22:00 in Amsterdam, never shown as UTC.
  expect(text).toMatch(/AMS-001 .* 2[12]:00 (\+0[12]:00 )?– [\s\S]*\+0[12]:00 Europe\/Amsterdam[\s\S]*UTR-002/);
  expect(text).not.toMatch(/ 20:00 /);
});

/** Serious and critical axe findings (WCAG 2.x A and AA), as in accessibility.spec. */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
}

test('schedule warnings in the overview open their site; axe finds nothing serious there or in My schedule, light and dark', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-'));
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);
  await page.getByTestId('profile-name').fill('Alex Morgan');
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('site-AMS-001')).toBeVisible();

  // A second store in AMS-001's window for the same technician, with no site owner: two kinds of warning.
  await shell.call('profile.set', { name: 'Alex Morgan', role: 'release_manager' });
  const deployments = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<(SiteRow & { windowStart: string; windowEnd: string; waveId: string })[]>('sites.list', {
    deploymentId: deployments[0]!.id,
  });
  const ams = sites.find((s) => s.code === 'AMS-001')!;
  const extra = await shell.call<SiteRow>('sites.create', {
    deploymentId: deployments[0]!.id,
    waveId: ams.waveId,
    code: 'AMS-009',
    name: 'Amsterdam Zuid',
    timeZone: 'Europe/Amsterdam',
    windowStart: ams.windowStart,
    windowEnd: ams.windowEnd,
    technicians: ['Alex Morgan'],
  });
  await page.reload();

  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByTestId('deployment-row').first().click();
    const panel = page.getByTestId('schedule-warnings');
    await expect(panel).toContainText('Schedule warnings (3)');
    await expect(panel.locator('[data-kind="technician_overlap"]')).toHaveCount(2);
    await expect(panel.locator('[data-kind="no_owner_contact"]')).toHaveCount(1);
    found.push(...(await seriousViolations(page, `${scheme} overview with schedule warnings`)));
    await page.getByTestId('my-schedule-open').click();
    await expect(page.getByTestId('my-schedule-site')).toHaveCount(3);
    // axe measures contrast from computed colours: wait until the modal's open transition has ended.
    await expect.poll(() => page.getByRole('dialog').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    found.push(...(await seriousViolations(page, `${scheme} My schedule`)));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  expect(found).toEqual([]);

  await page.getByTestId('schedule-warnings').locator('[data-kind="no_owner_contact"]').getByRole('button', { name: 'AMS-009' }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${extra.id}/`));
});
