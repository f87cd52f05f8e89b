import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWithIcalJs } from '../support/ical-read';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

test("a release manager marks a template item 'Site owner prepares' and saves the site owner's calendar: the window in site time, the item listed", async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-calendar-'));
  shell = await startBrowserShell(dataDir);
  await shell.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  await shell.call('sample.open', {});
  await page.goto(shell.url);
  await page.getByTestId('deployment-row').first().click();

  // A before item the owner prepares, marked in the template list.
  await page.getByTestId('edit-checklist-template').click();
  const editor = page.getByTestId('checklist-template-editor');
  await editor.getByTestId('template-item-title').fill('Keep the back office free from 06:00');
  await editor.getByTestId('template-item-owner-prepares').check();
  await editor.getByTestId('save-template-item').click();
  await expect(
    editor.getByTestId('template-item').filter({ hasText: 'Keep the back office free' }).getByTestId('owner-prepares-badge'),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // AMS-001 takes the new item, then its owner's calendar is saved.
  const row = page.getByTestId('sites-table').getByRole('row').filter({ hasText: 'AMS-001' });
  await row.getByTestId('site-menu').click();
  await page.getByTestId('apply-template').click();
  await expect(page.getByText('Checklist template applied')).toBeVisible();
  await row.getByTestId('site-menu').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('site-owner-calendar').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-ams-001-owner\.ics$/);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  const cal = readWithIcalJs(text);
  expect(cal.method).toBe('PUBLISH');
  expect(cal.zones['Europe/Amsterdam']!.sort()).toEqual(['DAYLIGHT', 'STANDARD']);
  const [event] = cal.events;
  expect(event!.tzid).toBe('Europe/Amsterdam');
  expect(event!.summary).toContain('AMS-001');
  expect(event!.description).toContain('- Keep the back office free from 06:00');
  expect(event!.attendee).toBe('mailto:sanne.devries@example.com');

  // The same window as the plan: the instant read back equals the site's stored window start.
  const deployments = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<{ code: string; windowStart: string }[]>('sites.list', { deploymentId: deployments[0]!.id });
  expect(event!.startUtc).toBe(new Date(sites.find((s) => s.code === 'AMS-001')!.windowStart).toISOString());
});
