// Everything the start-up steps read or write, in one value, so the tests can point every path at a
// temporary copy (never the checkout's node_modules) and every download at a loopback stand-in.
import path from 'node:path';

export interface StepTimeLimits {
  electronBinaryMs: number;
  sqlitePrebuiltMs: number;
  sqliteBuildMs: number;
}

export interface SetupContext {
  /** The Outpost checkout (holds package.json and dist/). */
  root: string;
  /** node_modules/electron: install.js, package.json, path.txt, dist/. */
  electronPackageDir: string;
  /** node_modules/better-sqlite3: only its package.json is read (name, version, binary host). */
  betterSqlite3Dir: string;
  /** prebuild-install's bin.js. */
  prebuildInstallBin: string;
  /** Where the Electron-ABI better_sqlite3.node lives beside the Node one (electron/main.ts loads it from here). */
  nativeOutDir: string;
  /** Builds the Electron-ABI module from source when no prebuilt exists: [command, ...args], run in root. */
  buildFromSource: readonly string[];
  /** Environment for the steps' processes (mirror and cache settings are read from it). */
  env: NodeJS.ProcessEnv;
  /** The Node version running the tooling (process.version). */
  nodeVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  limits: StepTimeLimits;
  heartbeatMs: number;
  /** One line of output for the user. */
  say: (line: string) => void;
  /** Said once before the first step runs (npm start: how to skip the setup). */
  intro?: string;
}

/** Electron is ~100 MB; better-sqlite3's prebuilt is ~2 MB; a source build compiles SQLite. */
export const DEFAULT_LIMITS: StepTimeLimits = { electronBinaryMs: 600_000, sqlitePrebuiltMs: 120_000, sqliteBuildMs: 900_000 };

/**
 * OUTPOST_START_STEP_TIMEOUT (seconds) caps every step, e.g. on a slow link where waiting ten
 * minutes for a download that will fail is worse than the browser shell now.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): StepTimeLimits {
  const seconds = Number(env.OUTPOST_START_STEP_TIMEOUT);
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_LIMITS;
  const ms = seconds * 1000;
  return { electronBinaryMs: ms, sqlitePrebuiltMs: ms, sqliteBuildMs: ms };
}

export function defaultSetupContext(root: string, say: (line: string) => void): SetupContext {
  const modules = path.join(root, 'node_modules');
  return {
    root,
    electronPackageDir: path.join(modules, 'electron'),
    betterSqlite3Dir: path.join(modules, 'better-sqlite3'),
    prebuildInstallBin: path.join(modules, 'prebuild-install', 'bin.js'),
    nativeOutDir: path.join(root, 'build', 'native', 'electron'),
    buildFromSource: [process.execPath, path.join(root, 'build', 'build-native-electron.mjs')],
    env: process.env,
    nodeVersion: process.version,
    platform: process.platform,
    arch: process.arch,
    limits: limitsFromEnv(process.env),
    heartbeatMs: 10_000,
    say,
  };
}

export type StepOutcome = { ok: true } | { ok: false; reason: string };
