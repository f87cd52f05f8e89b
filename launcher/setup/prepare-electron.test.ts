// `npm start`'s setup against loopback stand-ins: the real electron installer (install.js →
// @electron/get) and the real prebuild-install run as child processes, against a fake Electron
// release and a fake better-sqlite3 prebuilt; the "Electron" they install records its arguments.
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closedPort,
  electronPackageCopy,
  electronReleaseFiles,
  serveFiles,
  sqlitePrebuiltPath,
  sqlitePrebuiltTarball,
  STAND_IN_ELECTRON,
  type FakeRelease,
} from '../../test/support/fake-electron-release';
import { findProjectRoot } from '../project-paths';
import { spawnElectron } from './launch-electron';
import { fallbackLine, prepareElectron, prepareElectronModule } from './prepare-electron';
import { DEFAULT_LIMITS, type SetupContext } from './setup-context';

const root = findProjectRoot();
const electronManifest = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
  version: string;
};
const ELECTRON_VERSION = electronManifest.version;
const ABI = readFileSync(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
const SQLITE_VERSION = (
  JSON.parse(readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }
).version;
const FAKE_MODULE = Buffer.from('stand-in better_sqlite3.node for Electron');
const ZIP_PATH = `/v${ELECTRON_VERSION}/electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
const SHASUMS_PATH = `/v${ELECTRON_VERSION}/SHASUMS256.txt`;
const TARBALL_PATH = sqlitePrebuiltPath(SQLITE_VERSION, ABI, process.platform, process.arch);

let tmp: string;
let servers: FakeRelease[];

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'outpost-start-setup-'));
  servers = [];
});

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(tmp, { recursive: true, force: true });
});

async function serve(files: Record<string, Buffer>, mode: 'serve' | 'hang' = 'serve'): Promise<FakeRelease> {
  const server = await serveFiles(files, mode);
  servers.push(server);
  return server;
}

/** Mirrors and caches all point into tmp or at loopback; whatever the developer's npm config says is overridden. */
function context(electronMirror: string, sqliteHost: string, overrides: Partial<SetupContext> = {}): SetupContext & { lines: string[] } {
  const lines: string[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(npm_config_|npm_package_|ELECTRON_)/i.test(key)) delete env[key];
  Object.assign(env, {
    ELECTRON_MIRROR: electronMirror,
    electron_config_cache: path.join(tmp, 'electron-cache'),
    // Check the download against the mirror's SHASUMS256.txt, not the package's checksums.json.
    electron_use_remote_checksums: '1',
    npm_config_better_sqlite3_binary_host: sqliteHost.replace(/\/$/, ''),
    npm_config_cache: path.join(tmp, 'npm-cache'),
  });
  return {
    root,
    electronPackageDir: electronPackageCopy(root, tmp),
    betterSqlite3Dir: path.join(root, 'node_modules', 'better-sqlite3'),
    prebuildInstallBin: path.join(root, 'node_modules', 'prebuild-install', 'bin.js'),
    nativeOutDir: path.join(tmp, 'native', 'electron'),
    buildFromSource: [process.execPath, '-e', 'process.stderr.write("build-from-source was not expected\\n"); process.exit(1)'],
    env,
    nodeVersion: 'v22.12.0',
    platform: process.platform,
    arch: process.arch,
    limits: { ...DEFAULT_LIMITS, electronBinaryMs: 60_000, sqlitePrebuiltMs: 60_000, sqliteBuildMs: 60_000 },
    heartbeatMs: 10_000,
    say: (line) => lines.push(line),
    lines,
    ...overrides,
  };
}

function indexOfLine(lines: readonly string[], pattern: RegExp): number {
  return lines.findIndex((line) => pattern.test(line));
}

/** The Electron package copy as if the installer had already run (path.txt + dist/electron). */
function preinstallStandIn(ctx: SetupContext): void {
  mkdirSync(path.join(ctx.electronPackageDir, 'dist'), { recursive: true });
  writeFileSync(path.join(ctx.electronPackageDir, 'dist', 'electron'), STAND_IN_ELECTRON, { mode: 0o755 });
  writeFileSync(path.join(ctx.electronPackageDir, 'path.txt'), 'electron');
}

describe.skipIf(process.platform === 'win32')('npm start setup with loopback stand-ins', { timeout: 60_000 }, () => {
  it('installs Electron, fetches the Electron SQLite prebuilt, in that order, then launches the stand-in with the right arguments', async () => {
    const release = await serve({
      ...electronReleaseFiles(ELECTRON_VERSION, process.platform, process.arch),
      [TARBALL_PATH]: sqlitePrebuiltTarball(FAKE_MODULE),
    });
    const ctx = context(release.url, release.url);

    const result = await prepareElectron(ctx);
    expect(result, ctx.lines.join('\n')).toMatchObject({ ok: true, ran: ['Node version', 'Electron binary', 'Electron SQLite module'] });
    if (!result.ok) return;

    // Every step ran, in order, each announced and finished.
    const order = [
      /^\[1\/3\] Node version: the Electron installer/,
      /^\[1\/3\] Node version: done/,
      /^\[2\/3\] Electron binary: not downloaded/,
      /^\[2\/3\] Electron binary: done/,
      /^\[3\/3\] Electron SQLite module: not built yet/,
      /^\[3\/3\] Electron SQLite module: done/,
    ];
    const positions = order.map((pattern) => indexOfLine(ctx.lines, pattern));
    expect(
      positions.every((p) => p >= 0),
      ctx.lines.join('\n'),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The installer downloaded the zip, then checked it against SHASUMS256.txt; then prebuild-install fetched its tarball.
    expect(release.requests).toEqual([ZIP_PATH, SHASUMS_PATH, TARBALL_PATH]);

    // The Electron binary landed in the package copy; the SQLite module beside (not in) node_modules.
    expect(result.binary).toBe(path.join(ctx.electronPackageDir, 'dist', 'electron'));
    expect(readFileSync(path.join(ctx.nativeOutDir, 'better_sqlite3.node'))).toEqual(FAKE_MODULE);
    expect(JSON.parse(readFileSync(path.join(ctx.nativeOutDir, 'better_sqlite3.json'), 'utf8'))).toMatchObject({
      electron: ELECTRON_VERSION,
      betterSqlite3: SQLITE_VERSION,
      arch: process.arch,
    });

    // The stand-in "Electron" gets the checkout folder, then the user's options.
    const record = path.join(tmp, 'argv.json');
    const child = spawnElectron(result.binary, root, ['--demo', '--data-dir', '/tmp/outpost-data'], {
      ...ctx.env,
      OUTPOST_FAKE_ELECTRON_RECORD: record,
    });
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual([root, '--demo', '--data-dir', '/tmp/outpost-data']);

    // A second start has nothing to do and downloads nothing.
    const again = await prepareElectron({ ...ctx, say: () => undefined });
    expect(again).toEqual({ ok: true, binary: result.binary, ran: [] });
    expect(release.requests).toHaveLength(3);
  });

  it('builds the Electron SQLite module from source only when the mirror has no prebuilt for this Electron', async () => {
    const release = await serve(electronReleaseFiles(ELECTRON_VERSION, process.platform, process.arch));
    const nativeOutDir = path.join(tmp, 'native', 'electron');
    const build = `require('node:fs').mkdirSync(${JSON.stringify(nativeOutDir)}, { recursive: true }); require('node:fs').writeFileSync(${JSON.stringify(path.join(nativeOutDir, 'better_sqlite3.node'))}, 'built'); console.log('compiled')`;
    const ctx = context(release.url, release.url, { nativeOutDir, buildFromSource: [process.execPath, '-e', build] });

    const result = await prepareElectron(ctx);
    expect(result, ctx.lines.join('\n')).toMatchObject({ ok: true, ran: ['Node version', 'Electron binary', 'Electron SQLite module'] });
    expect(release.requests).toEqual([ZIP_PATH, SHASUMS_PATH, TARBALL_PATH]);
    const noPrebuilt = indexOfLine(ctx.lines, /No prebuilt binaries found/);
    const building = indexOfLine(ctx.lines, /building it from source/);
    expect(noPrebuilt).toBeGreaterThan(0);
    expect(building).toBeGreaterThan(noPrebuilt);
    expect(indexOfLine(ctx.lines, /\[build\] compiled/)).toBeGreaterThan(building);
    expect(readFileSync(path.join(nativeOutDir, 'better_sqlite3.node'), 'utf8')).toBe('built');
  });

  it('nothing listening: the Electron binary step fails at once, named, with the reason', async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    const ctx = context(mirror, mirror);
    const started = Date.now();
    const result = await prepareElectron(ctx);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result).toMatchObject({ ok: false, step: 'Electron binary', ran: ['Node version', 'Electron binary'] });
    if (result.ok) return;
    expect(result.reason).toMatch(new RegExp(`^downloading from ${mirror}: .*(fetch failed|ECONNREFUSED)`));
    expect(ctx.lines.some((l) => /^\s+\[install-electron\]\s+at /.test(l))).toBe(false);
    const line = fallbackLine(result);
    expect(line).toMatch(/^Starting the browser shell instead of the Electron window: step "Electron binary" failed: /);
    expect(line).not.toContain('\n');
  });

  it('a mirror that never answers: the installer is stopped at the time limit, with progress lines meanwhile', async () => {
    const silent = await serve({}, 'hang');
    const ctx = context(silent.url, silent.url, { limits: { ...DEFAULT_LIMITS, electronBinaryMs: 2_000 }, heartbeatMs: 400 });
    const started = Date.now();
    const result = await prepareElectron(ctx);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(6_000);
    expect(result).toMatchObject({
      ok: false,
      step: 'Electron binary',
      reason: `downloading from ${silent.url}: no result within the 2 s time limit (stopped)`,
    });
    expect(silent.requests).toEqual([ZIP_PATH]);
    expect(ctx.lines.filter((line) => /^ {2}… \d+ s, \d+\.\d MB downloaded$/.test(line)).length).toBeGreaterThanOrEqual(2);
    // The installer process was killed: its connection to the mirror closes.
    await expect.poll(() => silent.openConnections(), { timeout: 3_000 }).toBe(0);
  });

  it('Electron already there, prebuilt mirror never answers: only the SQLite step runs and it is named', async () => {
    const silent = await serve({}, 'hang');
    const ctx = context(silent.url, silent.url, { limits: { ...DEFAULT_LIMITS, sqlitePrebuiltMs: 2_000 }, nodeVersion: 'v20.0.0' });
    preinstallStandIn(ctx);
    const started = Date.now();
    const result = await prepareElectron(ctx);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(result).toMatchObject({ ok: false, step: 'Electron SQLite module', ran: ['Electron SQLite module'] });
    if (result.ok) return;
    expect(result.reason).toBe('prebuilt download failed: no result within the 2 s time limit (stopped)');
    // An old Node does not matter when the installer need not run: Electron brings its own.
    expect(ctx.lines).toContain('[1/3] Node version: not needed, Electron is already downloaded');
    expect(ctx.lines).toContain('[2/3] Electron binary: already downloaded');
    expect(silent.requests).toEqual([TARBALL_PATH]);
  });

  it('for packaging (npm run dist) only the SQLite module is fetched: no Electron download, no Node check', async () => {
    const release = await serve({ [TARBALL_PATH]: sqlitePrebuiltTarball(FAKE_MODULE) });
    const ctx = context(release.url, release.url, { nodeVersion: 'v20.0.0' });
    const result = await prepareElectronModule(ctx);
    expect(result, ctx.lines.join('\n')).toEqual({ ok: true, ran: ['Electron SQLite module'] });
    expect(release.requests).toEqual([TARBALL_PATH]);
    expect(readFileSync(path.join(ctx.nativeOutDir, 'better_sqlite3.node'))).toEqual(FAKE_MODULE);
    expect(ctx.lines[0]).toBe(`Preparing the SQLite module for Electron ${ELECTRON_VERSION}.`);
  });

  it('connection refused by the prebuilt mirror: the SQLite step fails naming the cause, no source build attempted', async () => {
    const host = `http://127.0.0.1:${await closedPort()}`;
    const ctx = context(host, host);
    const result = await prepareElectronModule(ctx);
    expect(result).toMatchObject({ ok: false, step: 'Electron SQLite module' });
    if (result.ok) return;
    expect(result.reason).toMatch(/^prebuilt download failed: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(exit code 1\)$/);
    expect(ctx.lines.some((line) => line.includes('building it from source'))).toBe(false);
  });

  it('a module built for another Electron is stale: fetched again for the installed one', async () => {
    const release = await serve({ [TARBALL_PATH]: sqlitePrebuiltTarball(FAKE_MODULE) });
    const ctx = context(release.url, release.url);
    preinstallStandIn(ctx);
    mkdirSync(ctx.nativeOutDir, { recursive: true });
    writeFileSync(path.join(ctx.nativeOutDir, 'better_sqlite3.node'), 'old');
    writeFileSync(
      path.join(ctx.nativeOutDir, 'better_sqlite3.json'),
      JSON.stringify({ electron: '44.0.0', betterSqlite3: SQLITE_VERSION }),
    );
    const result = await prepareElectron(ctx);
    expect(result).toMatchObject({ ok: true, ran: ['Electron SQLite module'] });
    expect(ctx.lines).toContain(`[3/3] Electron SQLite module: built for Electron 44.0.0, installed is ${ELECTRON_VERSION}`);
    expect(readFileSync(path.join(ctx.nativeOutDir, 'better_sqlite3.node'))).toEqual(FAKE_MODULE);
  });

  it("a step that throws (its folder cannot be created) is that step's failure, not a crash", async () => {
    const release = await serve({ [TARBALL_PATH]: sqlitePrebuiltTarball(FAKE_MODULE) });
    const blocker = path.join(tmp, 'a-file');
    writeFileSync(blocker, '');
    const ctx = context(release.url, release.url, { nativeOutDir: path.join(blocker, 'native') });
    preinstallStandIn(ctx);
    const result = await prepareElectron(ctx);
    expect(result).toMatchObject({ ok: false, step: 'Electron SQLite module' });
    if (result.ok) return;
    expect(result.reason).toMatch(/ENOTDIR/);
  });

  it('an older Node: the Node version step says so in one line and nothing is downloaded', async () => {
    const release = await serve(electronReleaseFiles(ELECTRON_VERSION, process.platform, process.arch));
    const ctx = context(release.url, release.url, { nodeVersion: 'v20.20.2' });
    const result = await prepareElectron(ctx);
    expect(result).toMatchObject({ ok: false, step: 'Node version', ran: ['Node version'] });
    if (result.ok) return;
    expect(fallbackLine(result)).toBe(
      'Starting the browser shell instead of the Electron window: step "Node version" failed: Electron\'s installer needs Node 22.12.0 or newer (the electron package declares ">= 22.12.0"); this is Node 20.20.2. Install Node 22.12.0+ and try again.',
    );
    expect(release.requests).toEqual([]);
  });
});
