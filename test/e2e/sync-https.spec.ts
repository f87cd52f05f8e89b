import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '../../server/accounts/users';
import { startServer, type RunningServer } from '../../server/start-server';
import { loadServerTls } from '../../server/tls/certificate-files';
import { startBrowserShell, type RunningShell } from './support/browser-shell';
import { DIST_CLI as CLI, freePort } from '../support/server-process';
import { TECH } from './support/sync-scenario';
import { expectSyncState } from './support/sync-status';

/**
 * Issue 10's transport, as a technician meets it: http:// to another computer is refused in the
 * sign-in form; an HTTPS server with a certificate from `outpost server cert create` shows its
 * fingerprint (the one the CLI printed) and signs in only once trusted; after the certificate is
 * replaced, sync stops showing both fingerprints until the new one is compared and trusted.
 */

let server: RunningServer | undefined;
let shell: RunningShell | undefined;
const dirs: string[] = [];

test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** `outpost server cert create`, as an administrator runs it; the pair's files and the printed fingerprint. */
function certCreate(dir: string): { certFile: string; keyFile: string; fingerprint: string } {
  const output = execFileSync(process.execPath, [CLI, 'server', 'cert', 'create', '--out', dir, '--name', 'outpost.test'], {
    encoding: 'utf8',
  });
  const fingerprint = /SHA-256 fingerprint: (\S+)/.exec(output)?.[1];
  if (!fingerprint) throw new Error(`no fingerprint printed:\n${output}`);
  return { certFile: path.join(dir, 'outpost-server.crt'), keyFile: path.join(dir, 'outpost-server.key'), fingerprint };
}

test('signs in over HTTPS only after the certificate is compared, and stops on a changed certificate until it is re-trusted', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-https-'));
  dirs.push(dir);
  const first = certCreate(path.join(dir, 'tls-1'));
  const port = await freePort();
  const dataDir = path.join(dir, 'server-data');
  const serve = (pair: { certFile: string; keyFile: string }) =>
    startServer({ host: '127.0.0.1', port, dataDir, tls: loadServerTls(pair.certFile, pair.keyFile), logLevel: 'warn' });
  server = await serve(first);
  await createUser(server.db, TECH);
  const serverUrl = `https://127.0.0.1:${port}`;

  shell = await startBrowserShell(path.join(dir, 'desktop'));
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Sign in to a server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to a server' });

  // Plain http to another computer: refused in the form, nothing to submit.
  await dialog.getByLabel('Server address').fill('http://outpost.example.com:8787');
  await dialog.getByLabel('User name').fill(TECH.username);
  await dialog.getByRole('textbox', { name: /^Password/ }).fill(TECH.password);
  await expect(dialog.getByText('only with HTTPS')).toBeVisible();
  await expect(dialog.getByTestId('sign-in-submit')).toBeDisabled();

  // HTTPS: the certificate is shown first; the fingerprint is the one the CLI printed.
  await dialog.getByLabel('Server address').fill(serverUrl);
  await dialog.getByTestId('sign-in-submit').click();
  await expect(dialog.getByTestId('certificate-fingerprint')).toHaveText(first.fingerprint);
  await expect(dialog.getByTestId('certificate-trust')).toContainText('First connection to this server');
  await expect(page.getByTestId('sync-status')).toHaveCount(0);
  await screenshot(page, 'https-first-sign-in');
  await dialog.getByRole('button', { name: 'Trust and sign in' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('profile-display-name')).toHaveText(TECH.displayName);
  await expectSyncState(page, 'idle');

  // The certificate is replaced: sync stops and shows both fingerprints.
  await server.close();
  const second = certCreate(path.join(dir, 'tls-2'));
  server = await serve(second);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'error', { timeout: 20_000 });
  await page.getByTestId('sync-error-details').click();
  const popover = page.getByTestId('sync-error-popover');
  await expect(popover).toContainText(first.fingerprint);
  await expect(popover).toContainText(second.fingerprint);
  await popover.getByTestId('retrust-inspect').click();
  await expect(popover.getByTestId('certificate-pinned-fingerprint')).toHaveText(first.fingerprint);
  await expect(popover.getByTestId('certificate-fingerprint')).toHaveText(second.fingerprint);
  await screenshot(page, 'https-certificate-changed');
  await popover.getByTestId('retrust-confirm').click();
  await expectSyncState(page, 'idle');
});

async function screenshot(page: import('@playwright/test').Page, name: string) {
  const dir = process.env.OUTPOST_E2E_SHOTS;
  if (!dir) return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
