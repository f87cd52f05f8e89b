#!/usr/bin/env node
// Build better-sqlite3 for Electron's ABI into build/native/electron/better_sqlite3.node.
//
// node_modules/better-sqlite3/build is left alone: it holds the Node-ABI build the Node tests, the
// CLI and the browser shell use. We compile a temporary copy of the package against the Electron
// headers instead, then copy the one .node file out. electron/main.ts loads it in development, and
// electron-builder ships it as resources/native/better_sqlite3.node (see build/electron-builder.yml).
//
// Needs the Electron headers for the installed electron version. They are downloaded from
// https://electronjs.org/headers unless OUTPOST_ELECTRON_NODEDIR points at an unpacked copy
// (a directory containing include/node/node.h) for machines without that access.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'build', 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const sourceDir = path.join(root, 'node_modules', 'better-sqlite3');
const DIST_URL = 'https://electronjs.org/headers';
const devDir = path.join(os.homedir(), '.electron-gyp');

function fail(message) {
  process.stderr.write(`\nbuild-native-electron: ${message}\n`);
  process.exit(1);
}

function info(message) {
  process.stderr.write(`build-native-electron: ${message}\n`);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** node-gyp: this repo's copy, then npm's bundled one, else npx. Returns [command, ...leadingArgs]. */
function findNodeGyp() {
  const candidates = [
    path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  const found = candidates.find((file) => fs.existsSync(file));
  if (found) return [process.execPath, found];
  return [process.platform === 'win32' ? 'npx.cmd' : 'npx', '--yes', 'node-gyp'];
}

/**
 * The environment for node-gyp without npm's configuration: under `npm run`, settings such as
 * nodedir, target or disturl arrive as npm_config_* variables and would silently make node-gyp
 * build against Node's headers instead of Electron's.
 */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.toLowerCase().startsWith('npm_config_')) delete env[key];
  }
  return env;
}

function run(command, args, cwd) {
  info(`$ ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd,
    env: cleanEnv(),
    stdio: 'inherit',
    shell: process.platform === 'win32' && command.endsWith('.cmd'),
  });
  if (result.error) return { ok: false, message: result.error.message };
  return { ok: result.status === 0, message: `exit code ${result.status}` };
}

// ---- What to build for.
const electronPackage = path.join(root, 'node_modules', 'electron', 'package.json');
if (!fs.existsSync(electronPackage)) fail('node_modules/electron is not installed; run `npm install` first.');
if (!fs.existsSync(path.join(sourceDir, 'binding.gyp'))) fail('node_modules/better-sqlite3 is not installed; run `npm install` first.');
const electronVersion = readJson(electronPackage).version;
const sqliteVersion = readJson(path.join(sourceDir, 'package.json')).version;
const arch = process.env.OUTPOST_ELECTRON_ARCH || process.arch;
info(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})`);

const [gyp, ...gypPrefix] = findNodeGyp();
const headersDir = process.env.OUTPOST_ELECTRON_NODEDIR;
const targetArgs = headersDir
  ? [`--nodedir=${path.resolve(headersDir)}`]
  : [`--target=${electronVersion}`, `--dist-url=${DIST_URL}`, `--devdir=${devDir}`];
const commonArgs = [...targetArgs, '--runtime=electron', `--arch=${arch}`];

// ---- 1. Headers first, so a failed download is reported as exactly that.
if (headersDir) {
  if (!fs.existsSync(path.join(headersDir, 'include', 'node', 'node.h'))) {
    fail(
      `OUTPOST_ELECTRON_NODEDIR=${headersDir} does not contain include/node/node.h (unpack the Electron ${electronVersion} headers there).`,
    );
  }
} else {
  const headers = run(gyp, [...gypPrefix, 'install', ...commonArgs], root);
  if (!headers.ok) {
    fail(
      [
        `could not download the Electron ${electronVersion} headers from ${DIST_URL} (${headers.message}).`,
        'They are required to compile better-sqlite3 for Electron, so the Electron build of the SQLite module was NOT made.',
        'This machine probably has no access to electronjs.org. Either run this script where it has, or download',
        `${DIST_URL}/v${electronVersion}/node-v${electronVersion}-headers.tar.gz elsewhere, unpack it and set`,
        'OUTPOST_ELECTRON_NODEDIR to the unpacked folder (the one containing include/node).',
        'node_modules/better-sqlite3 (the Node build the tests use) was not touched.',
      ].join('\n  '),
    );
  }
}

// ---- 2. Compile a throw-away copy of the package.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-better-sqlite3-electron-'));
const moduleCopy = path.join(workDir, 'better-sqlite3');
let exitCode = 0;
try {
  fs.cpSync(sourceDir, moduleCopy, {
    recursive: true,
    filter: (src) => path.relative(sourceDir, src).split(path.sep)[0] !== 'build',
  });
  const compiled = run(gyp, [...gypPrefix, 'rebuild', '--release', ...commonArgs, '--jobs=max'], moduleCopy);
  if (!compiled.ok) {
    throw new Error(
      `node-gyp could not compile better-sqlite3 for Electron ${electronVersion} (${compiled.message}). See the output above.`,
    );
  }
  const built = path.join(moduleCopy, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`node-gyp finished but ${built} is missing.`);

  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(built, outFile);
  fs.writeFileSync(
    path.join(outDir, 'better_sqlite3.json'),
    `${JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch, headers: headersDir ? path.resolve(headersDir) : DIST_URL }, null, 2)}\n`,
  );
  info(`wrote ${path.relative(root, outFile)}`);
} catch (error) {
  process.stderr.write(`\nbuild-native-electron: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
