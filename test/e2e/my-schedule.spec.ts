import { expect, test } from '@playwright/test';
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

test("a technician's My schedule shows their sites in order, in site and local time, and whether each is prepared for offline work", async ({ page }) => {
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
