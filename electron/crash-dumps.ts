import path from 'node:path';

/** Crash dumps (Chromium minidumps) stay on this device, in the data folder; nothing is uploaded. */
export function crashDumpDirectory(dataDir: string): string {
  return path.join(dataDir, 'crashes');
}

/** The parts of Electron's `app` and `crashReporter` the start uses. */
export interface CrashReporterDeps {
  app: { setPath(name: 'crashDumps', value: string): void };
  crashReporter: { start(options: { uploadToServer: boolean; productName?: string; compress?: boolean }): void };
}

/**
 * Before `ready` and before anything else may crash: dumps go to <data>/crashes (so a technician
 * can send them with the logs), never to a server.
 */
export function startCrashDumps(deps: CrashReporterDeps, dataDir: string, productName: string): string {
  const dir = crashDumpDirectory(dataDir);
  deps.app.setPath('crashDumps', dir);
  deps.crashReporter.start({ uploadToServer: false, productName, compress: true });
  return dir;
}
