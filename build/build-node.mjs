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
  external: ['better-sqlite3', 'electron', 'ssh2'],
};

const esmBanner = {
  js: "import { createRequire as __outpostCreateRequire } from 'node:module'; const require = __outpostCreateRequire(import.meta.url);",
};

const entries = [
  { entryPoints: ['launcher/start.ts'], outfile: 'dist/launcher/start.mjs', format: 'esm', banner: esmBanner },
  { entryPoints: ['launcher/cli.ts'], outfile: 'dist/launcher/cli.mjs', format: 'esm', banner: { js: `#!/usr/bin/env node\n${esmBanner.js}` } },
  // empty-import-meta: core/checks/local/worker-entry.ts reads import.meta.url only when it exists (ESM) and uses __dirname otherwise.
  { entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } },
  // The local-facts worker of "Check this machine" (core/checks/local/worker-entry.ts finds it beside the bundle).
  { entryPoints: ['core/checks/local/local-facts-worker.ts'], outfile: 'dist/launcher/local-facts-worker.mjs', format: 'esm', banner: esmBanner },
  { entryPoints: ['core/checks/local/local-facts-worker.ts'], outfile: 'dist/electron/local-facts-worker.cjs', format: 'cjs' },
  { entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', target: 'chrome130', minify: true },
];

for (const entry of entries) {
  if (!fs.existsSync(entry.entryPoints[0])) continue;
  await build({ ...common, ...entry });
}
