// Find the Electron executable WITHOUT require('electron'): from plain Node that require triggers a
// download of the binary, which cannot happen on machines without GitHub access.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function defaultExecutableName(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * The Electron executable the npm package would run, or null when it is not on disk. Mirrors
 * node_modules/electron/index.js: `path.txt` names the executable inside `dist/` (or inside
 * ELECTRON_OVERRIDE_DIST_PATH when that is set).
 */
export function electronBinaryPath(
  packageDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const pathFile = path.join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable: string;
  if (override) executable = path.join(override, named || defaultExecutableName(platform));
  else if (named) executable = path.join(packageDir, 'dist', named);
  else return null;
  return existsSync(executable) ? executable : null;
}
