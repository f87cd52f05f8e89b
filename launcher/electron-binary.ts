import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds the Electron executable without loading the `electron` package (which would try to
 * download it). Returns the path, or the reason there is none.
 */
export function findElectronBinary(projectRoot: string): { path: string } | { reason: string } {
  const pkgDir = path.join(projectRoot, 'node_modules', 'electron');
  if (!fs.existsSync(pkgDir)) return { reason: 'the electron package is not installed' };
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return { reason: 'the Electron binary has not been downloaded (run "npx install-electron" where GitHub is reachable)' };
  }
  const binary = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { path: binary } : { reason: `the Electron binary is missing at ${binary}` };
}
