import os from 'node:os';
import path from 'node:path';

/** The OS's per-user application data folder for Outpost: the same one Electron's userData uses. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Outpost');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Outpost');
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), 'Outpost');
}
