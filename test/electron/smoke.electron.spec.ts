// Electron smoke path: launch the built app with a fresh data dir and --demo, and check the sample
// deployment shows up through the real preload → IPC → core route. Needs `npm run build` (and, for
// SQLite, `npm run setup:electron`) first, or set OUTPOST_ELECTRON_APP to a packaged build's executable;
// on Linux without a display, run under xvfb-run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinaryPath, hasElectronBinary, REPO_ROOT } from './electron-binary';

// OUTPOST_ELECTRON_APP: the packaged app's executable (release workflow), instead of the checkout.
const PACKAGED_APP = process.env.OUTPOST_ELECTRON_APP;

test.skip(
  !hasElectronBinary() && !PACKAGED_APP,
  'Electron binary is not installed on this machine (it cannot be downloaded here); the browser-shell specs cover the same path',
);

type Bridge = Record<string, (input: unknown) => Promise<unknown>>;

test.describe('Electron shell', () => {
  let app: ElectronApplication | undefined;
  let dataDir: string;

  test.beforeEach(async () => {
    if (PACKAGED_APP) {
      dataDir = mkdtempSync(path.join(tmpdir(), 'outpost-electron-smoke-'));
      // The packaged app carries its own main bundle and Electron-ABI SQLite module (resources/native).
      app = await electron.launch({
        executablePath: PACKAGED_APP,
        args: ['--data-dir', dataDir, '--demo'],
        env: { ...process.env, OUTPOST_LOG_LEVEL: process.env.OUTPOST_LOG_LEVEL ?? 'warn' },
      });
      return;
    }
    const mainBundle = path.join(REPO_ROOT, 'dist', 'electron', 'main.cjs');
    if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run \`npm run build\` before the Electron specs`);
    const sqlite = path.join(REPO_ROOT, 'build', 'native', 'electron', 'better_sqlite3.node');
    if (!existsSync(sqlite)) {
      throw new Error(`${sqlite} is missing: run \`npm run setup:electron\` (the Node build of better-sqlite3 cannot load in Electron)`);
    }
    dataDir = mkdtempSync(path.join(tmpdir(), 'outpost-electron-smoke-'));
    const executablePath = electronBinaryPath();
    if (!executablePath) throw new Error('Electron binary disappeared');
    app = await electron.launch({
      executablePath,
      // '.' loads package.json's main (dist/electron/main.cjs), so the app name and version are ours.
      args: [REPO_ROOT, '--data-dir', dataDir, '--demo'],
      cwd: REPO_ROOT,
      env: { ...process.env, OUTPOST_LOG_LEVEL: process.env.OUTPOST_LOG_LEVEL ?? 'warn' },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('--demo opens on the sample deployment and a site shows its inventory', async () => {
    if (!app) throw new Error('not launched');
    const page = await app.firstWindow();
    await page.waitForURL(/^app:\/\/outpost\//);

    // Site rows are data-testid="site-<CODE>"; data-site-status tells them from site-tree, site-filter, ….
    const sites = page.locator('[data-testid^="site-"][data-site-status]');
    await expect(sites.first()).toBeVisible({ timeout: 20_000 });
    expect(await sites.count()).toBeGreaterThan(0);
    await sites.first().click();
    await expect(page.getByTestId('tab-inventory')).toBeVisible();
  });

  test('the page gets the bridge and nothing else from Node or Electron', async () => {
    if (!app) throw new Error('not launched');
    const page = await app.firstWindow();
    await page.waitForURL(/^app:\/\/outpost\//);
    await page.waitForLoadState('domcontentloaded');

    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.outpost as Record<string, unknown> | undefined;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        ipcRenderer: typeof w.ipcRenderer,
        bridge: typeof bridge,
        appInfo: typeof bridge?.['app.info'],
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
      bridge: 'object',
      appInfo: 'function',
    });

    const info = await page.evaluate(() => (window as unknown as { outpost: Bridge }).outpost['app.info']!({}));
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', dataDir } });

    const csp = await page.evaluate(async () => (await fetch('app://outpost/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");

    // Navigation away from the app is refused; the page stays on app://outpost/.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/^app:\/\/outpost\//);
  });
});
