// Electron main process. Bundled by build/build-node.mjs to dist/electron/main.cjs (CommonJS, so
// __dirname is dist/electron). It owns the window, the app:// protocol and the one IPC channel;
// all data work happens in the core, which is plain Node shared with the browser shell.
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  protocol,
  screen,
  session,
  shell,
  type Session,
  type WebContents,
} from 'electron';
import { createLogger } from '../core/logging/logger';
import { logDirectory, startLogFile } from '../core/logging/log-file';
import { readNotificationSettings } from '../core/preferences/notification-settings-store';
import { startCrashDumps } from './crash-dumps';
import { createDeepLinkHandoff, registerProtocolClient } from './deep-link-handoff';
import { showWith, startOsNotifications } from './os-notifications';
import { openCore, type OutpostCore } from '../core/outpost-core';
import { safeStorageCipher } from './safe-storage-cipher';
import { StartupError } from '../core/runtime/startup-error';
import { apiError } from '../shared/contract';
import { buildAppMenuTemplate } from './app-menu';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, handleAppProtocol } from './app-protocol';
import { isTrustedSender, registerApiHandler } from './ipc-api';
import { allowsPermissionCheck, allowsPermissionRequest } from './media-permission';
import { parseLaunchArgs } from './launch-args';
import { isAllowedNavigation, isSafeExternalUrl } from './navigation';
import { createWindowOptions, WINDOW_TITLE } from './window-options';
import { clampBounds, loadWindowState, trackWindowState, type Rect } from './window-state';

const log = createLogger('electron');

const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
/** Repository root in development (dist/electron/main.cjs → ../..). Unused when packaged. */
const repoRoot = path.resolve(distDir, '..');

const launch = parseLaunchArgs(process.argv, process.env);
const isDev = !app.isPackaged;

// ---- Before ready: scheme privileges, sandbox for every renderer, where Chromium keeps its profile.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.setName(WINDOW_TITLE);
if (launch.dataDir) {
  // Keep Chromium's own profile (and the single-instance lock) with the chosen data so that
  // separate data dirs (tests, a second site) are separate instances.
  app.setPath('userData', path.join(launch.dataDir, 'electron-profile'));
} else {
  // Same folder in development and when packaged (package.json's name is lower-case 'outpost').
  app.setPath('userData', path.join(app.getPath('appData'), WINDOW_TITLE));
}
const dataDir = launch.dataDir ?? app.getPath('userData');
// Before anything may crash or log: dumps and log lines stay in the data folder (Help → Show Logs, About).
const crashDumpDir = startCrashDumps({ app, crashReporter }, dataDir, WINDOW_TITLE);
const logDir = logDirectory(dataDir);
startLogFile(logDir);

let core: OutpostCore | null = null;
let mainWindow: BrowserWindow | null = null;
/** outpost:// links: into the window's route (#/open/…), or kept for the first window. */
const deepLinks = createDeepLinkHandoff((hash) => {
  if (!core) return false; // not ready yet: the first window opens on it
  if (!mainWindow || mainWindow.isDestroyed()) {
    createMainWindow(`${APP_INDEX_URL}${hash}`); // macOS: the app runs with its window closed
    return true;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  mainWindow.loadURL(`${APP_INDEX_URL}${hash}`).catch((error: unknown) => log.warn('could not open the link', { error: String(error) }));
  return true;
});

/** The Electron-ABI better-sqlite3 build, when there is one (the Node build in node_modules cannot load here). */
function nativeBindingPath(): string | undefined {
  const candidate = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(repoRoot, 'build', 'native', 'electron', 'better_sqlite3.node');
  if (fs.existsSync(candidate)) return candidate;
  if (app.isPackaged) log.error('the packaged better-sqlite3 build is missing', { path: candidate });
  else log.warn('no Electron build of better-sqlite3; `npm start` or `npm run setup:electron` fetches it', { looked: candidate });
  return undefined;
}

function openCoreOrExplain(): OutpostCore | null {
  const nativeBinding = nativeBindingPath();
  try {
    return openCore({
      dataDir,
      shell: 'electron',
      appVersion: app.getVersion(),
      secretCipher: safeStorageCipher,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('could not open the data', { dataDir, error: message });
    const abiHint = /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)
      ? '\n\nThe SQLite module was built for Node, not Electron. Start Outpost with `npm start` (or run `npm run setup:electron`) to fetch the Electron build.'
      : '';
    const title = error instanceof StartupError ? 'Outpost cannot open its data' : 'Outpost failed to start';
    dialog.showErrorBox(title, `${message}${abiHint}\n\nData folder: ${dataDir}`);
    return null;
  }
}

/**
 * --demo: a local profile and the sample deployment, so the window opens on something to look at.
 * Returns the sample's deployment id, or null when that did not work (the app still starts).
 */
function prepareDemo(openedCore: OutpostCore): string | null {
  const profile = openedCore.dispatch('profile.get', {});
  if (!profile.ok) {
    log.error('demo: reading the profile failed', { error: profile.error });
    return null;
  }
  if (profile.value === null) {
    const set = openedCore.dispatch('profile.set', { name: 'Demo technician', role: 'technician' });
    if (!set.ok) {
      log.error('demo: setting the profile failed', { error: set.error });
      return null;
    }
  }
  const sample = openedCore.dispatch('sample.open', {});
  if (!sample.ok) {
    log.error('demo: opening the sample failed', { error: sample.error });
    return null;
  }
  const deploymentId = (sample.value as { deploymentId?: unknown } | null)?.deploymentId;
  log.info('demo: sample deployment ready', { deploymentId });
  return typeof deploymentId === 'string' ? deploymentId : null;
}

/** The renderer keeps its route in the hash (#/d/<deploymentId>, see renderer/state/hash-route.ts). */
function startUrl(deploymentId: string | null): string {
  return deploymentId ? `${APP_INDEX_URL}#/d/${encodeURIComponent(deploymentId)}` : APP_INDEX_URL;
}

/** Deny every permission (microphone, notifications, clipboard read, HID, serial, …) but the camera for the app's own page. */
function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const allowed = allowsPermissionRequest(permission, details);
    if (!allowed) log.warn('denied permission request', { permission, url: contents.getURL() });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowsPermissionCheck(permission, requestingOrigin, details),
  );
  ses.setDevicePermissionHandler(() => false);
}

/** Applied to every web contents Electron creates: no navigation away, no new windows, no webviews. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a webview');
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, contents.getURL())) return;
    event.preventDefault();
    log.warn('blocked navigation', { url: event.url });
  });
  contents.on('will-redirect', (event) => {
    if (isAllowedNavigation(event.url, contents.getURL())) return;
    event.preventDefault();
    log.warn('blocked redirect', { url: event.url });
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isTrustedSender(event.url)) return;
    event.preventDefault();
    log.warn('blocked frame navigation', { url: event.url });
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => log.warn('could not open link', { url, error: String(error) }));
    } else {
      log.warn('blocked window.open', { url });
    }
    return { action: 'deny' };
  });
}

/** Work areas of the displays, primary first. */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

function createMainWindow(url = APP_INDEX_URL): BrowserWindow {
  const saved = loadWindowState(dataDir);
  const bounds = clampBounds(saved?.bounds, workAreas());
  const win = new BrowserWindow(createWindowOptions({ preloadPath, bounds, devTools: isDev }));
  mainWindow = win;
  trackWindowState(win, dataDir);
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => log.error('renderer process gone', { reason: details.reason }));
  win.webContents.on('preload-error', (_event, file, error) => log.error('preload failed', { file, error: error.message }));
  win.loadURL(url).catch((error: unknown) => log.error('could not load the renderer', { error: String(error), rendererDir }));
  return win;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: `About ${WINDOW_TITLE}`,
    message: `${WINDOW_TITLE} ${app.getVersion()}`,
    detail: [
      `Electron ${process.versions.electron}`,
      `Chromium ${process.versions.chrome}`,
      `Node ${process.versions.node}`,
      `Data folder: ${dataDir}`,
      `Logs: ${logDir}`,
      `Crash dumps (never uploaded): ${crashDumpDir}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch((error: unknown) => log.warn('about dialog failed', { error: String(error) }));
}

function installMenu(): void {
  const template = buildAppMenuTemplate({
    appName: WINDOW_TITLE,
    isDev,
    platform: process.platform,
    onToggleDarkMode: () => {
      nativeTheme.themeSource = nativeTheme.shouldUseDarkColors ? 'light' : 'dark';
    },
    onAbout: showAbout,
    onShowLogs: () => {
      shell.openPath(logDir).then(
        (problem) => problem && log.warn('could not open the log folder', { logDir, problem }),
        (error: unknown) => log.warn('could not open the log folder', { logDir, error: String(error) }),
      );
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function onReady(): void {
  hardenSession(session.defaultSession);
  handleAppProtocol(protocol, rendererDir);

  core = openCoreOrExplain();
  if (!core) {
    app.exit(1);
    return;
  }
  const demoDeploymentId = launch.demo ? prepareDemo(core) : null;

  registerApiHandler(ipcMain, {
    call: async (method, input) =>
      core ? core.call(method, input) : { ok: false, error: apiError('internal', 'Outpost is shutting down') },
    mainContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
  });
  // Updates from the central server, packaged builds only (loaded lazily: electron-updater needs Electron).
  if (app.isPackaged) {
    import('./app-updater/start-app-updates')
      .then(({ startAppUpdates }) => core && startAppUpdates(core))
      .catch((error: unknown) => log.warn('updates not started', { error: String(error) }));
  }
  installMenu();
  startOsNotifications({
    subscribe: (listener) => core?.events.subscribe(listener) ?? (() => undefined),
    settings: () => readNotificationSettings(dataDir, 'electron'),
    appFocused: () => BrowserWindow.getFocusedWindow() !== null,
    isSupported: () => Notification.isSupported(),
    show: showWith(Notification),
    open: (link) => (link ? deepLinks.receive(link, 'notification') : mainWindow?.focus()),
  });
  const pendingLink = deepLinks.takePending();
  createMainWindow(pendingLink ? `${APP_INDEX_URL}${pendingLink}` : startUrl(demoDeploymentId));
  log.info('started', { version: app.getVersion(), dataDir, packaged: app.isPackaged, demo: launch.demo });
}

function start(): void {
  app.on('second-instance', (_event, argv: string[]) => {
    if (deepLinks.receiveArgv(argv, 'second-instance') || !mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS hands links over as open-url, on a cold start before ready too (then kept for the first window).
  app.on('open-url', (event, url: string) => {
    event.preventDefault();
    deepLinks.receive(url, 'open-url');
  });
  registerProtocolClient(app, process);
  deepLinks.receiveArgv(process.argv, 'argv');
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log.error('startup failed', { error: String(error) });
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) {
  start();
} else {
  log.info('another Outpost is already running with this data folder; handing over to it');
  app.quit();
}
