import path from 'node:path';
import { createLogger } from '../core/logging/logger';
import type { OutpostCore } from '../core/outpost-core';
import { StartupError } from '../core/runtime/startup-error';
import { startBrowserHost } from '../host/browser-host';
import { parseLaunchOptions, USAGE, type LaunchOptions } from './launch-options';
import { openInBrowser } from './open-browser';
import { findProjectRoot, readAppVersion } from './project-paths';
import { spawnElectron } from './setup/launch-electron';
import { fallbackLine, prepareElectron } from './setup/prepare-electron';
import { defaultSetupContext } from './setup/setup-context';

const log = createLogger('launcher');
const say = (line: string) => process.stdout.write(`${line}\n`);

function launchElectron(binary: string, root: string, argv: readonly string[]): void {
  const child = spawnElectron(binary, root, argv);
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

/**
 * Loads the core's modules (the API contract's schemas, drizzle, better-sqlite3: most of a launch)
 * and opens it, while the shell already listens and the page loads.
 */
async function openCoreBehind(options: LaunchOptions, root: string): Promise<OutpostCore> {
  const [{ openCore }, { prepareDemo }] = await Promise.all([import('../core/outpost-core'), import('../core/sample/prepare-demo')]);
  const core = openCore({ dataDir: options.dataDir, shell: 'browser', appVersion: readAppVersion(root) });
  if (options.demo) prepareDemo(core);
  return core;
}

async function startBrowserShell(options: LaunchOptions, root: string): Promise<void> {
  const core = openCoreBehind(options, root);
  // Handled below (awaited once the shell listens); this keeps an early failure from counting as unhandled.
  core.catch(() => undefined);
  let host;
  try {
    host = await startBrowserHost({ core, rendererDir: path.join(root, 'dist', 'renderer'), port: options.port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    log.warn(`port ${options.port} is in use; using a free port instead`);
    host = await startBrowserHost({ core, rendererDir: path.join(root, 'dist', 'renderer'), port: 0 });
  }
  say(`Outpost (browser shell) is running. Data: ${options.dataDir}`);
  say(`Open: ${host.url}`);
  if (options.open) openInBrowser(host.url);
  const stop = async () => {
    await host.close();
    await core.then(
      (opened) => opened.close(),
      () => undefined,
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Data that cannot be opened still ends the launch, saying why (main's catch).
  await core;
}

async function main(argv: readonly string[]): Promise<void> {
  let options: LaunchOptions;
  try {
    options = parseLaunchOptions(argv);
  } catch (error) {
    say(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    say(USAGE);
    return;
  }
  const root = findProjectRoot();
  if (!options.browser) {
    const prepared = await prepareElectron({ ...defaultSetupContext(root, say), intro: 'npm start -- --browser skips this' });
    if (prepared.ok) {
      launchElectron(prepared.binary, root, argv);
      return;
    }
    say(fallbackLine(prepared));
  }
  await startBrowserShell(options, root);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof StartupError) say(`Outpost cannot start: ${error.message}`);
  else log.error('start failed', { message: (error as Error).message, stack: (error as Error).stack });
  process.exit(1);
});
