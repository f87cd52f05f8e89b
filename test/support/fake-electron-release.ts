// Loopback stand-ins for what `npm start` downloads on a connected machine: an Electron release
// (zip + SHASUMS256.txt, laid out as @electron/get asks for it under ELECTRON_MIRROR) whose
// "Electron" is a script recording its arguments, and better-sqlite3's Electron prebuilt tarball
// (laid out as prebuild-install asks for it under npm_config_better_sqlite3_binary_host).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { writeZip } from './zip-writer';

/** Prints its arguments as JSON to the file named by OUTPOST_FAKE_ELECTRON_RECORD. */
export const STAND_IN_ELECTRON = `#!/usr/bin/env node
require('node:fs').writeFileSync(process.env.OUTPOST_FAKE_ELECTRON_RECORD, JSON.stringify(process.argv.slice(2)));
`;

export function electronZip(version: string): Buffer {
  return writeZip([
    { name: 'electron', data: Buffer.from(STAND_IN_ELECTRON), mode: 0o755 },
    { name: 'version', data: Buffer.from(`v${version}`) },
  ]);
}

/** better-sqlite3's prebuilt layout: build/Release/better_sqlite3.node inside a .tar.gz. */
export function sqlitePrebuiltTarball(contents: Buffer): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outpost-fake-prebuilt-'));
  try {
    mkdirSync(path.join(dir, 'build', 'Release'), { recursive: true });
    writeFileSync(path.join(dir, 'build', 'Release', 'better_sqlite3.node'), contents);
    execFileSync('tar', ['-czf', path.join(dir, 'prebuilt.tar.gz'), '-C', dir, 'build']);
    return readFileSync(path.join(dir, 'prebuilt.tar.gz'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FakeRelease {
  url: string;
  /** Request paths in arrival order. */
  requests: string[];
  /** Connections still open (a killed downloader's connection closes). */
  openConnections(): number;
  close(): Promise<void>;
}

/** Serves files by URL path; an unknown path is a 404. mode 'hang' accepts connections and never answers. */
export async function serveFiles(files: Record<string, Buffer>, mode: 'serve' | 'hang' = 'serve'): Promise<FakeRelease> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (mode === 'hang') return;
    const body = files[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  let open = 0;
  server.on('connection', (socket) => {
    open += 1;
    socket.on('close', () => (open -= 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    openConnections: () => open,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function electronReleaseFiles(version: string, platform: string, arch: string): Record<string, Buffer> {
  const name = `electron-v${version}-${platform}-${arch}.zip`;
  const zip = electronZip(version);
  const sha = createHash('sha256').update(zip).digest('hex');
  return {
    [`/v${version}/${name}`]: zip,
    [`/v${version}/SHASUMS256.txt`]: Buffer.from(`${sha} *${name}\n`),
  };
}

export function sqlitePrebuiltPath(sqliteVersion: string, abi: string, platform: string, arch: string): string {
  return `/v${sqliteVersion}/better-sqlite3-v${sqliteVersion}-electron-v${abi}-${platform}-${arch}.tar.gz`;
}

/**
 * A copy of node_modules/electron in a temp dir (so the installer writes its dist/ and path.txt
 * there, not in the checkout), with its dependencies linked from the real node_modules.
 */
export function electronPackageCopy(root: string, tempDir: string): string {
  const modules = path.join(tempDir, 'node_modules');
  const copy = path.join(modules, 'electron');
  mkdirSync(copy, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json', 'abi_version']) {
    cpSync(path.join(root, 'node_modules', 'electron', file), path.join(copy, file));
  }
  for (const dependency of ['@electron', '@electron-internal']) {
    symlinkSync(path.join(root, 'node_modules', dependency), path.join(modules, dependency), 'junction');
  }
  return copy;
}

/** A loopback port nothing listens on (connection refused). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
