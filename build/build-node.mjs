// Bundles the Node-side entry points with esbuild: the launcher (browser shell + CLI), and the
// Electron main process and preload. better-sqlite3 stays external: it is a native module.
import { build } from 'esbuild';
import fs from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // ssh2 loads optional native add-ons (sshcrypto, cpu-features) at run time: keep it a package.
  // The central server's packages stay packages too: PGlite loads its wasm and data files from
  // beside its own code, pg has an optional native binding, pino (under fastify) starts transports
  // by file path.
  external: ['better-sqlite3', 'electron', 'ssh2', 'pg', '@electric-sql/pglite', 'fastify', 'pino'],
};

const esmBanner = {
  js: "import { createRequire as __outpostCreateRequire } from 'node:module'; const require = __outpostCreateRequire(import.meta.url);",
};

const entries = [
  // The browser shell and the CLI share chunks; code loaded with import() (PDF, XLSX, SSH) sits in
  // its own chunk, so starting Outpost does not parse it. Chunks stay beside the entries: the
  // local-facts worker is looked up next to the code that starts it.
  {
    entryPoints: { start: 'launcher/start.ts', cli: 'launcher/cli.ts' },
    outdir: 'dist/launcher',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    banner: { js: `#!/usr/bin/env node\n${esmBanner.js}` },
  },
  // empty-import-meta: core/checks/local/worker-entry.ts reads import.meta.url only when it exists (ESM) and uses __dirname otherwise.
  { entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } },
  // The local-facts worker of "Check this machine" (core/checks/local/worker-entry.ts finds it beside the bundle).
  {
    entryPoints: ['core/checks/local/local-facts-worker.ts'],
    outfile: 'dist/launcher/local-facts-worker.mjs',
    format: 'esm',
    banner: esmBanner,
  },
  { entryPoints: ['core/checks/local/local-facts-worker.ts'], outfile: 'dist/electron/local-facts-worker.cjs', format: 'cjs' },
  { entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', target: 'chrome130', minify: true },
];

fs.rmSync('dist/launcher', { recursive: true, force: true });
for (const entry of entries) {
  const sources = Array.isArray(entry.entryPoints) ? entry.entryPoints : Object.values(entry.entryPoints);
  if (!sources.every((file) => fs.existsSync(file))) continue;
  await build({ ...common, ...entry });
}

// The PDF fonts (core/pdf-text/font-files.ts looks for them in dist/fonts/, beside the bundles):
// only the faces the PDFs use, not the font packages' other weights.
fs.mkdirSync('dist/fonts', { recursive: true });
for (const face of JSON.parse(fs.readFileSync('core/pdf-text/pdf-fonts.json', 'utf8'))) {
  fs.copyFileSync(`node_modules/${face.pkg}/${face.file}`, `dist/fonts/${face.file.split('/').pop()}`);
}
