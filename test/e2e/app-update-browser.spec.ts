import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';
import { createServerProcess, type ServerProcess } from '../support/server-process';
import { TECH } from './support/sync-scenario';

/**
 * Issue 13: updates come from the central server to the desktop app; the browser shell, signed in
 * to that server, says so in the sync status area instead of offering a restart.
 */

let server: ServerProcess | undefined;
let shell: RunningShell | undefined;
const dirs: string[] = [];

test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  await server?.dispose();
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('the browser shell says updates apply to the desktop app', async ({ page }) => {
  test.setTimeout(120_000);
  server = await createServerProcess({ cli: 'dist' });
  await server.createUser(TECH);
  await server.start();

  const shellDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-update-'));
  dirs.push(shellDir);
  shell = await startBrowserShell(shellDir);
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Sign in to a server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to a server' });
  await dialog.getByLabel('Server address').fill(server.url);
  await dialog.getByLabel('User name').fill(TECH.username);
  await dialog.getByRole('textbox', { name: /^Password/ }).fill(TECH.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  const notice = page.getByTestId('app-update-browser');
  await expect(notice).toHaveText('Updates: desktop app');
  await notice.hover();
  await expect(page.getByRole('tooltip')).toContainText('apply to the Outpost desktop app');
  await expect(page.getByTestId('app-update-restart')).toHaveCount(0);
});
