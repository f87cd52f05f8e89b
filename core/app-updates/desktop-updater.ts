import type { AppUpdateStatus } from '../../shared/contract/app-update-methods';

/**
 * The desktop's updater as the core sees it. It lives in the Electron main process (electron-updater
 * needs Electron), which registers it here once per process; the browser shell, the CLI and tests
 * have none, so the API says updates apply to the desktop app.
 */
export interface DesktopUpdater {
  state(): Omit<AppUpdateStatus, 'restart'>;
  /** Quits and installs the downloaded update (the caller checked the idle rule). */
  quitAndInstall(): void;
}

let registered: DesktopUpdater | null = null;

export function registerDesktopUpdater(updater: DesktopUpdater | null): void {
  registered = updater;
}

export function desktopUpdater(): DesktopUpdater | null {
  return registered;
}
