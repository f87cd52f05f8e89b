import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  appName: string;
  /** Development build: adds Reload and developer tools. */
  isDev: boolean;
  platform: NodeJS.Platform;
  onToggleDarkMode(): void;
  onAbout(): void;
  /** Help → Show logs: opens the log folder in the file manager. */
  onShowLogs(): void;
}

/** The application menu as a template (pure; main.ts builds it with Menu.buildFromTemplate). */
export function buildAppMenuTemplate({
  appName,
  isDev,
  platform,
  onToggleDarkMode,
  onAbout,
  onShowLogs,
}: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { id: 'about', label: `About ${appName}`, click: () => onAbout() };

  const macAppMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            about,
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: '&File',
    submenu: [isMac ? { role: 'close' } : { role: 'quit', id: 'quit' }],
  };

  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload', id: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: '&View',
    submenu: [
      ...devItems,
      { id: 'toggle-dark-mode', label: 'Toggle Dark Mode', accelerator: 'CmdOrCtrl+Shift+D', click: () => onToggleDarkMode() },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { id: 'window', role: 'windowMenu' };

  const help: MenuItemConstructorOptions = {
    id: 'help',
    role: 'help',
    submenu: [
      { id: 'show-logs', label: 'Show Logs', click: () => onShowLogs() },
      { type: 'separator' },
      isMac ? { ...about, id: 'help-about' } : about,
    ],
  };

  return [...macAppMenu, file, edit, view, windowMenu, help];
}
