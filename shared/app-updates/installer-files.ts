/**
 * Which installer serves which platform, and the feed file electron-updater's generic provider
 * asks for on it (`latest.yml` on Windows, `latest-mac.yml`, `latest-linux.yml`; x64 builds).
 * The order within a platform is the feed's order: electron-updater's Mac updater takes the zip,
 * the deprecated `path`/`sha512` fields name the first file.
 */
export type InstallerPlatform = 'windows' | 'mac' | 'linux';

export const FEED_FILES: Readonly<Record<InstallerPlatform, string>> = {
  windows: 'latest.yml',
  mac: 'latest-mac.yml',
  linux: 'latest-linux.yml',
};

const INSTALLER_EXTENSIONS: ReadonlyArray<readonly [string, InstallerPlatform]> = [
  ['.exe', 'windows'],
  ['.zip', 'mac'],
  ['.dmg', 'mac'],
  ['.appimage', 'linux'],
  ['.deb', 'linux'],
  ['.rpm', 'linux'],
];

/** Files published with a release that are served but not listed (differential download maps). */
const COMPANION_EXTENSIONS = ['.blockmap'];

export type ReleaseFileKind =
  { kind: 'installer'; platform: InstallerPlatform; order: number } | { kind: 'companion' } | { kind: 'unknown' };

export function releaseFileKind(fileName: string): ReleaseFileKind {
  const lower = fileName.toLowerCase();
  if (COMPANION_EXTENSIONS.some((ext) => lower.endsWith(ext))) return { kind: 'companion' };
  const index = INSTALLER_EXTENSIONS.findIndex(([ext]) => lower.endsWith(ext));
  if (index < 0) return { kind: 'unknown' };
  return { kind: 'installer', platform: INSTALLER_EXTENSIONS[index]![1], order: index };
}

/** The name without its installer and companion extensions (`Outpost-1.5.0-pilot.1.exe.blockmap` → `Outpost-1.5.0-pilot.1`). */
export function releaseFileStem(fileName: string): string {
  let stem = fileName;
  for (const ext of COMPANION_EXTENSIONS) if (stem.toLowerCase().endsWith(ext)) stem = stem.slice(0, -ext.length);
  const installer = INSTALLER_EXTENSIONS.find(([ext]) => stem.toLowerCase().endsWith(ext));
  return installer ? stem.slice(0, -installer[0].length) : stem;
}

/** The platform whose feed this file name is, or null (not a feed file). */
export function platformOfFeedFile(fileName: string): InstallerPlatform | null {
  const entry = Object.entries(FEED_FILES).find(([, name]) => name === fileName);
  return entry ? (entry[0] as InstallerPlatform) : null;
}

/** A file name the server stores and serves: no path, no control characters, nothing hidden. */
export function isSafeReleaseFileName(fileName: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9 ._+-]{0,199}$/.test(fileName) && !fileName.includes('..');
}
