import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath as findIn } from '../../launcher/electron-binary';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ELECTRON_PACKAGE_DIR = path.join(REPO_ROOT, 'node_modules', 'electron');

/** The checkout's Electron executable, or null (see launcher/electron-binary.ts). */
export function electronBinaryPath(
  packageDir = ELECTRON_PACKAGE_DIR,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  return findIn(packageDir, env, platform);
}

export function hasElectronBinary(): boolean {
  return electronBinaryPath() !== null;
}
