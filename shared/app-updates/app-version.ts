/**
 * App versions as electron-builder writes them: semantic versions (`1.4.0`, `1.5.0-pilot.2`).
 * Ordered by semver precedence so a pilot device on a newer pilot build is not offered an older
 * stable one (electron-updater would refuse the downgrade anyway).
 */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isAppVersion(text: string): boolean {
  return text.length <= 64 && SEMVER.test(text);
}

const ARTIFACT_SUFFIXES = new Set([
  'x64',
  'ia32',
  'arm64',
  'armv7l',
  'universal',
  'amd64',
  'x86',
  'i386',
  'aarch64',
  'mac',
  'win',
  'linux',
  'setup',
  'portable',
]);

/** The semantic version a file name's stem ends with or holds (`Outpost-Setup-1.4.0` → `1.4.0`), or null. */
export function versionInFileName(stem: string): string | null {
  const match = /(\d+\.\d+\.\d+)(?:-([0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*))?(?=[ _-]|$)/.exec(stem);
  if (!match) return null;
  // electron-builder puts the architecture after the version (`Outpost-1.4.0-arm64-mac.zip`): not a pre-release.
  const pre = match[2] && !ARTIFACT_SUFFIXES.has(match[2].split('.')[0]!.toLowerCase()) ? `-${match[2]}` : '';
  const version = `${match[1]}${pre}`;
  return isAppVersion(version) ? version : null;
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Number(a) - Number(b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when a < b, 0 when equal in precedence, positive when a > b. Both must be versions. */
export function compareAppVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) throw new Error(`Not a version: ${pa ? b : a}`);
  for (let i = 1; i <= 3; i += 1) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return Math.sign(d);
  }
  const preA = pa[4];
  const preB = pb[4];
  if (!preA || !preB) return preA ? -1 : preB ? 1 : 0;
  const ia = preA.split('.');
  const ib = preB.split('.');
  for (let i = 0; i < Math.max(ia.length, ib.length); i += 1) {
    if (ia[i] === undefined) return -1;
    if (ib[i] === undefined) return 1;
    const d = compareIdentifiers(ia[i]!, ib[i]!);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
