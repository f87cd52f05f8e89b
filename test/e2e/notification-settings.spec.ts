import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

test("the browser shell says system notifications are the desktop app's, and they are off there", async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-notifications-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('profile-menu').click();
  await page.getByTestId('menu-notifications').click();
  const dialog = page.getByTestId('notification-settings');
  await expect(dialog.getByText('System notifications come from the Outpost desktop app; the browser shell shows none.')).toBeVisible();
  for (const id of ['notify-check-jobs', 'notify-sync-conflicts']) {
    await expect(dialog.getByTestId(id)).not.toBeChecked();
    await expect(dialog.getByTestId(id)).toBeDisabled();
  }
  expect(await shell.call('notifications.get', {})).toEqual({ checkJobs: false, syncConflicts: false });
});
