// Opening the window: Electron gets the checkout's folder (so package.json's main, name and version
// are Outpost's, as in the Playwright Electron spec) and the user's options after it.
import { spawn, type ChildProcess } from 'node:child_process';

/** Outpost's own options reach electron/launch-args.ts; the browser-only ones are harmless there. */
export function electronLaunchArgs(root: string, argv: readonly string[]): string[] {
  return [root, ...argv];
}

export function spawnElectron(binary: string, root: string, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  // ELECTRON_RUN_AS_NODE (set by some tools) would make the binary a plain Node and ignore the app.
  const { ELECTRON_RUN_AS_NODE: _asNode, ...childEnv } = env;
  return spawn(binary, electronLaunchArgs(root, argv), { stdio: 'inherit', env: childEnv });
}
