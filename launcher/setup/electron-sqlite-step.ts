// Step "Electron SQLite module": better-sqlite3 built for Electron's ABI, kept beside the Node build
// (node_modules/better-sqlite3/build stays the Node one the tests and the browser shell use).
// First the prebuilt binary from better-sqlite3's releases via prebuild-install (its mirror
// settings, e.g. npm_config_better_sqlite3_binary_host, apply); only when no prebuilt exists for this
// Electron, the source build (build/build-native-electron.mjs: Electron headers and a C++ toolchain).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronVersion } from './electron-binary-step';
import type { SetupContext, StepOutcome } from './setup-context';
import { describeFailure } from './step-messages';
import { runTimedProcess, type TimedProcessResult } from './timed-process';

export const MODULE_FILE = 'better_sqlite3.node';
const MANIFEST_FILE = 'better_sqlite3.json';

interface NativeManifest {
  electron?: string;
  betterSqlite3?: string;
  arch?: string;
}

function betterSqlite3Version(ctx: SetupContext): string {
  return (JSON.parse(readFileSync(path.join(ctx.betterSqlite3Dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Why the Electron-ABI module must be fetched, or null when the one on disk fits. A module without
 * a manifest (copied in by hand) is trusted; one whose manifest names another Electron or
 * better-sqlite3 version is stale after an upgrade.
 */
export function electronSqliteMissing(ctx: SetupContext): string | null {
  const file = path.join(ctx.nativeOutDir, MODULE_FILE);
  if (!existsSync(file)) return 'not built yet';
  const manifestFile = path.join(ctx.nativeOutDir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) return null;
  let manifest: NativeManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as NativeManifest;
  } catch {
    return `its ${MANIFEST_FILE} cannot be read`;
  }
  const electron = electronVersion(ctx.electronPackageDir);
  if (manifest.electron && manifest.electron !== electron) return `built for Electron ${manifest.electron}, installed is ${electron}`;
  const sqlite = betterSqlite3Version(ctx);
  if (manifest.betterSqlite3 && manifest.betterSqlite3 !== sqlite)
    return `built from better-sqlite3 ${manifest.betterSqlite3}, installed is ${sqlite}`;
  if (manifest.arch && manifest.arch !== ctx.arch) return `built for ${manifest.arch}, this is ${ctx.arch}`;
  return null;
}

/**
 * npm's own settings would point prebuild-install at Outpost's package (npm_package_*), not
 * better-sqlite3's. Log level "http": the request and its status, warnings, not every file path.
 */
function prebuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) if (!key.startsWith('npm_package_')) clean[key] = value;
  return { ...clean, npm_config_loglevel: 'http' };
}

async function fetchPrebuilt(ctx: SetupContext, electron: string, sqlite: string): Promise<TimedProcessResult & { file?: string }> {
  // prebuild-install unpacks build/Release/better_sqlite3.node under the package it runs in: give it
  // a scratch copy of better-sqlite3's package.json so node_modules is not touched.
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'outpost-sqlite-prebuilt-'));
  try {
    copyFileSync(path.join(ctx.betterSqlite3Dir, 'package.json'), path.join(workDir, 'package.json'));
    const result = await runTimedProcess({
      command: process.execPath,
      args: [ctx.prebuildInstallBin, '--runtime', 'electron', '--target', electron, '--arch', ctx.arch, '--platform', ctx.platform],
      cwd: workDir,
      env: prebuildEnv(ctx.env),
      timeoutMs: ctx.limits.sqlitePrebuiltMs,
      heartbeatMs: ctx.heartbeatMs,
      onLine: (line) => ctx.say(`  [prebuild-install] ${line}`),
      onHeartbeat: (seconds) => ctx.say(`  … ${seconds} s`),
    });
    const unpacked = path.join(workDir, 'build', 'Release', MODULE_FILE);
    if (result.outcome === 'exited' && result.code === 0 && existsSync(unpacked)) {
      mkdirSync(ctx.nativeOutDir, { recursive: true });
      copyFileSync(unpacked, path.join(ctx.nativeOutDir, MODULE_FILE));
      const manifest = { electron, betterSqlite3: sqlite, platform: ctx.platform, arch: ctx.arch, source: 'prebuilt (prebuild-install)' };
      writeFileSync(path.join(ctx.nativeOutDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      return { ...result, file: unpacked };
    }
    return result;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** prebuild-install's words for "the mirror answered, but has no binary for this target" (HTTP 404 and the like). */
const NO_PREBUILT = /No prebuilt binaries found/i;

export async function installElectronSqlite(ctx: SetupContext): Promise<StepOutcome> {
  const electron = electronVersion(ctx.electronPackageDir);
  const sqlite = betterSqlite3Version(ctx);
  ctx.say(
    `  fetching the prebuilt better-sqlite3 ${sqlite} for Electron ${electron} (time limit ${Math.round(ctx.limits.sqlitePrebuiltMs / 1000)} s)`,
  );
  const prebuilt = await fetchPrebuilt(ctx, electron, sqlite);
  if (prebuilt.file) return { ok: true };
  const noPrebuilt = prebuilt.outcome === 'exited' && prebuilt.lines.some((line) => NO_PREBUILT.test(line));
  if (!noPrebuilt) {
    // "prebuild-install warn install getaddrinfo ENOTFOUND github.com" → "getaddrinfo ENOTFOUND github.com".
    const lines = prebuilt.lines.map((line) => line.replace(/^prebuild-install \w+ (?:install )?/, ''));
    return { ok: false, reason: `prebuilt download failed: ${describeFailure({ ...prebuilt, lines }, ctx.limits.sqlitePrebuiltMs)}` };
  }

  const [command, ...args] = ctx.buildFromSource;
  ctx.say(
    `  no prebuilt better-sqlite3 for Electron ${electron}; building it from source (time limit ${Math.round(ctx.limits.sqliteBuildMs / 1000)} s)`,
  );
  const built = await runTimedProcess({
    command: command!,
    args,
    cwd: ctx.root,
    env: ctx.env,
    timeoutMs: ctx.limits.sqliteBuildMs,
    heartbeatMs: ctx.heartbeatMs,
    onLine: (line) => ctx.say(`  [build] ${line}`),
    onHeartbeat: (seconds) => ctx.say(`  … ${seconds} s`),
  });
  if (built.outcome !== 'exited' || built.code !== 0)
    return { ok: false, reason: `no prebuilt exists and building from source failed: ${describeFailure(built, ctx.limits.sqliteBuildMs)}` };
  if (!existsSync(path.join(ctx.nativeOutDir, MODULE_FILE)))
    return { ok: false, reason: `the source build finished but ${path.join(ctx.nativeOutDir, MODULE_FILE)} is missing` };
  return { ok: true };
}
