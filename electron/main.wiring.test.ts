// main.ts wiring, run in plain Node against a fake 'electron' module (the real binary is not needed,
// and must not be downloaded). The core is real: a fresh SQLite database in a temp data dir.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
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
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this as unknown as FakeWindowLike);
    }
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    app: fake.app,
    BrowserWindow,
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
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
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
  });

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
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }),
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', path.join(dataDir, 'electron-profile'));
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('denies every permission', () => {
    const ses = electron.session.defaultSession as unknown as Record<string, ReturnType<typeof vi.fn>>;
    const callback = vi.fn();
    (ses.setPermissionRequestHandler!.mock.calls[0]![0] as Handler)({ getURL: () => 'app://outpost/' }, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((ses.setPermissionCheckHandler!.mock.calls[0]![0] as Handler)()).toBe(false);
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
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { shell: 'electron', dataDir, version: '9.9.9-test', secretStorage: { weak: process.platform === 'linux' } } });
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

  it('closes the core on will-quit', async () => {
    fake.app.emit('will-quit');
    expect(await call('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
