import { updateCheckDue } from '../../shared/app-updates/update-when-idle';
import type { AppUpdateFeed } from '../../core/app-updates/update-feed';
import type { DesktopUpdater } from '../../core/app-updates/desktop-updater';
import type { AppUpdateStatus } from '../../shared/contract/app-update-methods';

/** What the controller needs of electron-updater (electron-updater-port.ts is the real one). */
export interface UpdaterPort {
  /** Generic provider at the feed URL, with the request headers (device token, protocol, version). */
  configure(feed: AppUpdateFeed): void;
  /** Checks and, when there is a newer version, downloads it in the background (verified by its sha512). */
  check(): Promise<void>;
  quitAndInstall(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export interface UpdateControllerOptions {
  port: UpdaterPort;
  /** The signed-in server's feed (null: signed out). */
  feed(): Promise<AppUpdateFeed | null>;
  online(): boolean;
  now?: () => number;
  /** How often to look whether a check is due (checks themselves are daily). */
  tickMs?: number;
  log?: { info(message: string, fields?: object): void; warn(message: string, fields?: object): void };
}

type State = Omit<AppUpdateStatus, 'restart'>;

/**
 * Checks on start and then daily while online (a missed day is caught up when the device is back
 * online), downloads in the background, and keeps the state the core's `appUpdate.status` reports.
 * A downloaded update stays downloaded: it installs on "Restart to update" or at the next quit.
 */
export function createUpdateController(options: UpdateControllerOptions): DesktopUpdater & { tick(): Promise<void>; start(): () => void } {
  const now = options.now ?? Date.now;
  let lastCheckAt: number | null = null;
  let running: Promise<void> | null = null;
  let state: State = { phase: 'idle', version: null, percent: null, message: null, lastCheckAt: null };
  const set = (patch: Partial<State>) => {
    state = { ...state, ...patch };
  };

  options.port.onEvent((event) => {
    if (state.phase === 'downloaded' && event.type !== 'downloaded') return;
    switch (event.type) {
      case 'checking':
        return set({ phase: 'checking', message: null });
      case 'available':
        return set({ phase: 'downloading', version: event.version, percent: 0 });
      case 'not-available':
        return set({ phase: 'up_to_date', percent: null });
      case 'progress':
        return set({ phase: 'downloading', percent: Math.max(0, Math.min(100, event.percent)) });
      case 'downloaded':
        options.log?.info('update downloaded', { version: event.version });
        return set({ phase: 'downloaded', version: event.version, percent: 100, message: null });
      case 'error':
        options.log?.warn('update check failed', { error: event.message });
        return set({ phase: 'error', message: event.message, percent: null });
    }
  });

  async function check(): Promise<void> {
    lastCheckAt = now();
    set({ lastCheckAt: new Date(lastCheckAt).toISOString() });
    let feed: AppUpdateFeed | null;
    try {
      feed = await options.feed();
    } catch (error) {
      set({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!feed) {
      set({ phase: 'not_signed_in', message: null });
      return;
    }
    options.port.configure(feed);
    try {
      await options.port.check();
    } catch (error) {
      set({ phase: 'error', message: error instanceof Error ? error.message : String(error), percent: null });
    }
  }

  async function tick(): Promise<void> {
    if (running || state.phase === 'downloaded') return running ?? undefined;
    // A device that was signed out is checked again as soon as it signs in (at the next tick).
    const due = state.phase === 'not_signed_in' ? options.online() : updateCheckDue(lastCheckAt, now(), options.online());
    if (!due) return;
    running = check().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    state: () => state,
    quitAndInstall: () => options.port.quitAndInstall(),
    tick,
    start() {
      void tick();
      const timer = setInterval(() => void tick(), options.tickMs ?? 15 * 60_000);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}
