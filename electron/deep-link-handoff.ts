import path from 'node:path';
import { createLogger } from '../core/logging/logger';
import { deepLinkHash, deepLinkInArgv, DEEP_LINK_SCHEME, formatDeepLink, parseDeepLink } from '../shared/desktop/deep-link';

const log = createLogger('electron.deep-link');

/**
 * `outpost://` links reach the app three ways: on the command line of a cold start (Windows,
 * Linux), in the argv a second instance hands over before it quits (Windows, Linux), and as
 * `open-url` (macOS, also before `ready`). Each is parsed with the shared rule; a refused link is
 * logged with its reason and goes nowhere. An accepted one becomes the renderer route
 * `#/open/<link>`: loaded into the window when there is one, kept for the first window otherwise.
 */
export interface DeepLinkHandoff {
  /** A link from anywhere; returns whether it was accepted. */
  receive(raw: string, from: 'argv' | 'second-instance' | 'open-url' | 'notification'): boolean;
  /** The link in a command line, if any (cold start, second instance). */
  receiveArgv(argv: readonly string[], from: 'argv' | 'second-instance'): boolean;
  /** The route for the first window (taken once), or null. */
  takePending(): string | null;
}

/** `deliver` shows the route in the existing window and returns false when there is none yet. */
export function createDeepLinkHandoff(deliver: (hash: string) => boolean): DeepLinkHandoff {
  let pending: string | null = null;
  const handoff: DeepLinkHandoff = {
    receive(raw, from) {
      const parsed = parseDeepLink(raw);
      if (!parsed.ok) {
        log.warn('refused a deep link', { from, reason: parsed.reason, length: raw.length });
        return false;
      }
      const hash = deepLinkHash(formatDeepLink(parsed.link));
      log.info('deep link', { from, kind: parsed.link.kind });
      if (!deliver(hash)) pending = hash;
      return true;
    },
    receiveArgv(argv, from) {
      const raw = deepLinkInArgv(argv);
      return raw === null ? false : handoff.receive(raw, from);
    },
    takePending() {
      const hash = pending;
      pending = null;
      return hash;
    },
  };
  return handoff;
}

/** The parts of Electron's `app` the registration uses. */
export interface ProtocolClientApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

/**
 * Registers Outpost as the handler of `outpost://` (the installers also declare it, see
 * build/electron-builder.yml `protocols`). From the sources (`electron .`) the OS must start
 * Electron with the app path, as Electron's deep-link guide shows.
 */
export function registerProtocolClient(
  app: ProtocolClientApp,
  proc: { defaultApp?: boolean; execPath: string; argv: readonly string[] },
): boolean {
  const registered =
    proc.defaultApp && proc.argv[1]
      ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, proc.execPath, [path.resolve(proc.argv[1])])
      : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!registered) log.warn('could not register as the outpost:// handler');
  return registered;
}
