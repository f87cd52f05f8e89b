import { Document, Scalar } from 'yaml';
import { releaseFileKind, type InstallerPlatform } from '../../shared/app-updates/installer-files';
import type { AppRelease } from './app-releases';

/**
 * The `latest*.yml` electron-updater's generic provider reads (the shape electron-builder writes,
 * builder-util-runtime's `UpdateInfo`): version, files [{ url, sha512 (base64), size }], the
 * deprecated path and sha512 of the first file, releaseDate. URLs are file names, resolved by the
 * updater against the feed's directory (`/v1/app-updates/<channel>/`).
 */
export function feedYaml(release: AppRelease, platform: InstallerPlatform): string {
  const order = (name: string) => {
    const kind = releaseFileKind(name);
    return kind.kind === 'installer' ? kind.order : Number.MAX_SAFE_INTEGER;
  };
  const installers = release.files.filter((f) => f.platform === platform).sort((a, b) => order(a.fileName) - order(b.fileName));
  const first = installers[0];
  if (!first) throw new Error(`release ${release.version} has no ${platform} installer`);
  const doc = new Document({
    version: release.version,
    files: installers.map((f) => ({ url: f.fileName, sha512: f.sha512, size: f.size })),
    path: first.fileName,
    sha512: first.sha512,
    releaseDate: release.releasedAt.toISOString(),
  });
  // Quoted as electron-builder writes it: electron-updater's js-yaml would read a bare timestamp as a Date.
  const date = doc.get('releaseDate', true);
  if (date instanceof Scalar) date.type = Scalar.QUOTE_SINGLE;
  return doc.toString();
}
