import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the local-facts worker is and how to start it. In the bundles it sits beside the bundle
 * (dist/launcher/local-facts-worker.mjs, dist/electron/local-facts-worker.cjs); from the sources
 * (tsx, vitest) the TypeScript file is loaded through tsx's API (`tsImport`) inside the worker.
 */
export interface WorkerEntry {
  /** A file to run, or (from the sources) code to `eval` that loads the TypeScript file through tsx. */
  file: string;
  eval: boolean;
}

function hereDir(): string {
  const url = (import.meta as { url?: string }).url;
  if (url) return path.dirname(fileURLToPath(url));
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

export function localFactsWorkerEntry(dir = hereDir()): WorkerEntry | null {
  for (const name of ['local-facts-worker.mjs', 'local-facts-worker.cjs']) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return { file, eval: false };
  }
  const source = path.join(dir, 'local-facts-worker.ts');
  if (!fs.existsSync(source)) return null;
  // Running from the sources (tsx, vitest): tsx's API registers its loader inside the worker only.
  const resolveEsm = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  const tsxApi = resolveEsm
    ? resolveEsm('tsx/esm/api')
    : pathToFileURL(
        createRequire(path.join(dir, 'x.js'))
          .resolve('tsx/esm/api')
          .replace(/\.cjs$/, '.mjs'),
      ).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(pathToFileURL(source).href)}, ${JSON.stringify(pathToFileURL(source).href)}));`;
  return { file: code, eval: true };
}
