// main.ts wiring, run in plain Node against a fake 'electron' module (the real binary is not needed,
// and must not be downloaded). The core is real: a fresh SQLite database in a temp data dir.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { IPC_API_CHANNEL } from '../shared/contract/bridge';

type Handler = (...args: unknown[]) => unknown;

interface FakeWindowLike {
  options: Record<string, unknown>;
  loadURL: ReturnType<typeof vi.fn>;
  webContents: Record<string, unknown>;
}

// Shared between the (hoisted) mock factory and the tests; filled in when 'electron' is first imported.
const fake = vi.hoisted(() => ({
  app: undefined as unknown as EventEmitter & Record<string, ReturnType<typeof vi.fn>>,
  paths: new Map<string, string>(),
  protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
  ipcHandlers: new Map<string, Handler>(),
  windows: [] as FakeWindowLike[],
  notifications: [] as { options: { title: string; body: string }; shown: boolean; listeners: Map<string, () => void> }[],
  focusedWindow: null as unknown,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  fake.app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    setName: vi.fn(),
    setPath: vi.fn((name: string, value: string) => fake.paths.set(name, value)),
    getPath: vi.fn((name: string) => fake.paths.get(name) ?? `/nonexistent/${name}`),
    getVersion: () => '9.9.9-test',
    requestSingleInstanceLock: vi.fn(() => true),
    setAsDefaultProtocolClient: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
  }) as unknown as typeof fake.app;
  class FakeContents extends EventEmitter {
    id = 1;
    mainFrame = { processId: 11, routingId: 22 };
    isDestroyed = () => false;
    getURL = () => 'app://outpost/index.html';
    setWindowOpenHandler = vi.fn();
  }
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => fake.windows;
    webContents = new FakeContents();
    loadURL = vi.fn(() => Promise.resolve());
    isDestroyed = () => false;
    isMaximized = () => false;
    isMinimized = () => false;
    getNormalBounds = () => ({ x: 1, y: 2, width: 1000, height: 700 });
    maximize = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    static getFocusedWindow = () => fake.focusedWindow;
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this as unknown as FakeWindowLike);
    }
  }
  class Notification {
    static isSupported = () => true;
    shown = false;
    listeners = new Map<string, () => void>();
    constructor(readonly options: { title: string; body: string }) {
      fake.notifications.push(this);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    show() {
      this.shown = true;
    }
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    app: fake.app,
    BrowserWindow,
    Notification,
    crashReporter: { start: vi.fn() },
    // A Linux desktop without a keyring: Electron's fixed-key fallback (app.info reports it as weak).
    safeStorage: {
      getSelectedStorageBackend: () => 'basic_text',
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(plain),
      decryptString: (sealed: Buffer) => sealed.toString(),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) =>
        fake.protocolHandlers.set(scheme, handler),
      ),
    },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => fake.ipcHandlers.set(channel, handler)),
      removeHandler: vi.fn(),
    },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(() => Promise.resolve('')) },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
  };
});

describe('electron/main.ts wiring (fake Electron, real core)', () => {
  let dataDir: string;
  const argv = process.argv;
  const logLevel = process.env.OUTPOST_LOG_LEVEL;
  let electron: typeof import('electron');

  beforeAll(async () => {
    process.env.OUTPOST_LOG_LEVEL = 'error'; // the refusals below are expected; keep the output quiet
    dataDir = mkdtempSync(path.join(tmpdir(), 'outpost-main-wiring-'));
    process.argv = ['electron', '.', '--data-dir', dataDir, '--demo'];
    electron = await import('electron');
    await import('./main');
    await new Promise((resolve) => setTimeout(resolve, 0)); // let whenReady().then(onReady) run
  }, 60_000); // importing main loads (and transforms) the whole core; slow on a busy machine

  afterAll(() => {
    process.argv = argv;
    if (logLevel === undefined) delete process.env.OUTPOST_LOG_LEVEL;
    else process.env.OUTPOST_LOG_LEVEL = logLevel;
    fake.app.emit('will-quit');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const trusted = { sender: { id: 1 }, senderFrame: { url: 'app://outpost/index.html', parent: null, processId: 11, routingId: 22 } };
  const call = (method: string, input: unknown, event: unknown = trusted) => fake.ipcHandlers.get(IPC_API_CHANNEL)?.(event, method, input);

  it('sets up privileges, sandbox and the profile dir before ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', path.join(dataDir, 'electron-profile'));
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('denies every permission but the camera for the app page itself', () => {
    const ses = electron.session.defaultSession as unknown as Record<string, ReturnType<typeof vi.fn>>;
    const request = (permission: string, details: Record<string, unknown>) => {
      const callback = vi.fn();
      (ses.setPermissionRequestHandler!.mock.calls[0]![0] as Handler)(
        { getURL: () => 'app://outpost/index.html' },
        permission,
        callback,
        details,
      );
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]![0] as boolean;
    };
    const appPage = { requestingUrl: 'app://outpost/index.html', isMainFrame: true };
    expect(request('media', { ...appPage, mediaTypes: ['video'] })).toBe(true);
    expect(request('media', { ...appPage, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request('media', { requestingUrl: 'https://example.com/', isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    expect(request('notifications', appPage)).toBe(false);
    expect(request('geolocation', appPage)).toBe(false);
    const check = ses.setPermissionCheckHandler!.mock.calls[0]![0] as Handler;
    expect(check(null, 'media', 'app://outpost', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(check(null, 'media', 'app://outpost', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(check(null, 'media', 'https://example.com', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(check(null, 'clipboard-read', 'app://outpost', { isMainFrame: true })).toBe(false);
    expect((ses.setDevicePermissionHandler!.mock.calls[0]![0] as Handler)()).toBe(false);
  });

  it('opens one hardened window on app://outpost/, on the sample deployment', async () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(path.basename(String(prefs.preload))).toBe('preload.cjs');
    const deployments = (await call('deployments.list', {})) as { ok: true; value: { id: string }[] };
    expect(win.loadURL).toHaveBeenCalledWith(`app://outpost/index.html#/d/${encodeURIComponent(deployments.value[0]!.id)}`);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('routes trusted IPC to the core, which --demo prepared', async () => {
    expect(await call('app.info', {})).toMatchObject({
      ok: true,
      value: { shell: 'electron', dataDir, version: '9.9.9-test', secretStorage: { weak: process.platform === 'linux' } },
    });
    expect(await call('profile.get', {})).toEqual({ ok: true, value: { name: 'Demo technician', role: 'technician' } });
    const deployments = (await call('deployments.list', {})) as { ok: boolean; value: unknown[] };
    expect(deployments.ok).toBe(true);
    expect(deployments.value.length).toBeGreaterThan(0);
    expect(await call('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses IPC from anything but the main window top frame on app://outpost/', async () => {
    const fromFile = { ...trusted, senderFrame: { ...trusted.senderFrame, url: 'file:///tmp/x.html' } };
    expect(await call('app.info', {}, fromFile)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('app.info', {}, { ...trusted, sender: { id: 99 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('serves the renderer over app:// with the CSP', async () => {
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const missing = await handler!({ url: 'app://outpost/assets/definitely-missing.js', method: 'GET' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const traversal = await handler!({ url: 'app://outpost/..%2F..%2Fpackage.json', method: 'GET' });
    expect(traversal.status).toBe(403);
  });

  it('guards every web contents: no navigation away, no popups, no webviews', () => {
    const contents = Object.assign(new EventEmitter(), { getURL: () => 'app://outpost/index.html', setWindowOpenHandler: vi.fn() });
    fake.app.emit('web-contents-created', {}, contents);

    const navigate = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigate);
    expect(navigate.preventDefault).toHaveBeenCalled();
    const reload = { url: 'app://outpost/index.html?x=1', preventDefault: vi.fn() };
    contents.emit('will-navigate', reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    const redirect = { url: 'http://evil/', preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const open = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => unknown;
    expect(open({ url: 'https://docs.example.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://docs.example.com/');
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('keeps crash dumps and logs in the data folder, dumps never uploaded, and registers outpost://', () => {
    const crashReporter = electron.crashReporter as unknown as { start: ReturnType<typeof vi.fn> };
    expect(fake.app.setPath).toHaveBeenCalledWith('crashDumps', path.join(dataDir, 'crashes'));
    expect(crashReporter.start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false }));
    const setPath = fake.app.setPath!;
    const setDumps = setPath.mock.calls.findIndex((c) => c[0] === 'crashDumps');
    expect(setPath.mock.invocationCallOrder[setDumps]!).toBeLessThan(crashReporter.start.mock.invocationCallOrder[0]!);
    expect(fake.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('outpost');
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(existsSync(path.join(dataDir, 'logs', 'outpost.log'))).toBe(true); // its lines: see the deep link refusals below
  });

  it('Help → Show Logs opens the log folder; About names the logs and crash dumps folders', async () => {
    const setMenu = electron.Menu.setApplicationMenu as unknown as ReturnType<typeof vi.fn>;
    type Item = { id?: string; click?: () => void; submenu?: Item[] };
    const items = (function flatten(list: Item[]): Item[] {
      return list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
    })(setMenu.mock.calls.at(-1)![0] as Item[]);
    items.find((i) => i.id === 'show-logs')!.click!();
    expect(electron.shell.openPath).toHaveBeenCalledWith(path.join(dataDir, 'logs'));
    items.find((i) => i.id === 'about')!.click!();
    const about = (electron.dialog.showMessageBox as unknown as ReturnType<typeof vi.fn>).mock.calls.at(-1)!.at(-1) as { detail: string };
    expect(about.detail).toContain(`Logs: ${path.join(dataDir, 'logs')}`);
    expect(about.detail).toContain(`Crash dumps (never uploaded): ${path.join(dataDir, 'crashes')}`);
  });

  it('hands a link from a second instance (argv) or macOS (open-url) to the window as #/open/…; refuses hostile ones', () => {
    const win = fake.windows[0]! as FakeWindowLike & { focus: ReturnType<typeof vi.fn> };
    const loads = () => win.loadURL.mock.calls.map((c) => String(c[0]));
    const before = loads().length;
    fake.app.emit('second-instance', {}, ['C:\\Outpost\\Outpost.exe', '--allow-file-access-from-files', 'outpost://site/AMS-001/'], 'C:\\');
    expect(loads().slice(before)).toEqual(['app://outpost/index.html#/open/outpost%3A%2F%2Fsite%2FAMS-001']);
    expect(win.focus).toHaveBeenCalled();
    const openUrl = { preventDefault: vi.fn() };
    fake.app.emit('open-url', openUrl, 'outpost://site/UTR-002/issue/3');
    expect(openUrl.preventDefault).toHaveBeenCalled();
    expect(loads().at(-1)).toBe('app://outpost/index.html#/open/outpost%3A%2F%2Fsite%2FUTR-002%2Fissue%2F3');
    const count = loads().length;
    process.env.OUTPOST_LOG_LEVEL = 'warn';
    fake.app.emit('second-instance', {}, ['outpost', 'outpost://site/..%2F..%2Fetc']);
    fake.app.emit('open-url', { preventDefault: vi.fn() }, 'outpost://file/etc/passwd');
    fake.app.emit('open-url', { preventDefault: vi.fn() }, `outpost://site/${'A'.repeat(600)}`);
    process.env.OUTPOST_LOG_LEVEL = 'error';
    expect(loads()).toHaveLength(count);
    const logged = readFileSync(path.join(dataDir, 'logs', 'outpost.log'), 'utf8');
    expect(logged).toContain('refused a deep link {"from":"second-instance","reason":"the site code holds a slash or a control character"');
    expect(logged).toContain('unknown link kind \\"file\\"');
    expect(logged).toContain('longer than 512 characters');
  });

  it('notifies of a finished check job while the app is in the background, not when notifications are off; a click opens the site', async () => {
    const deployments = (await call('deployments.list', {})) as { value: { id: string }[] };
    const deploymentId = deployments.value[0]!.id;
    const sites = (await call('sites.list', { deploymentId })) as { value: { id: string; code: string }[] };
    const ams = sites.value.find((s) => s.code === 'AMS-001')!;
    const checkAndSettle = async () => {
      const started = (await call('checks.checkThisMachine', { siteId: ams.id })) as { ok: true; value: { jobId: string } };
      expect(started.ok).toBe(true);
      await vi.waitFor(
        async () =>
          expect(((await call('checks.status', { jobId: started.value.jobId })) as { value: { state: string } }).value.state).not.toBe(
            'running',
          ),
        { timeout: 60_000, interval: 100 },
      );
      await new Promise((resolve) => setTimeout(resolve, 50)); // the announcement follows the job's settling
    };
    fake.focusedWindow = null;
    await checkAndSettle();
    expect(fake.notifications).toHaveLength(1);
    const shown = fake.notifications[0]!;
    expect(shown.shown).toBe(true);
    expect(shown.options.title).toBe('Checks finished at AMS-001');
    const win = fake.windows[0]!;
    shown.listeners.get('click')!();
    expect(String(win.loadURL.mock.calls.at(-1)![0])).toBe(
      `app://outpost/index.html#/open/${encodeURIComponent(`outpost://site/AMS-001?deployment=${deploymentId}`)}`,
    );

    expect(await call('notifications.set', { checkJobs: false, syncConflicts: true })).toMatchObject({ ok: true });
    await checkAndSettle();
    expect(fake.notifications).toHaveLength(1);
  }, 120_000);

  it('closes the core on will-quit', async () => {
    fake.app.emit('will-quit');
    expect(await call('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
