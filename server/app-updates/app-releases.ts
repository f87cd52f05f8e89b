import path from 'node:path';
import { visibleChannels, type AppChannel } from '../../shared/app-updates/app-channel';
import { compareAppVersions, isAppVersion, versionInFileName } from '../../shared/app-updates/app-version';
import { isSafeReleaseFileName, releaseFileKind, releaseFileStem, type InstallerPlatform } from '../../shared/app-updates/installer-files';
import type { CentralDb, CentralQueries } from '../db/central-db';
import { storeReleaseBlob } from './release-blob';
import { digestFile, type FileDigest } from './release-file-hash';

/**
 * Desktop releases: `outpost server app-release add` publishes one version on one channel with its
 * installers (stored as blobs), `feedRelease` picks what a channel's feed offers per platform.
 */

export class AppReleaseError extends Error {}

export interface ReleaseFile {
  fileName: string;
  platform: InstallerPlatform | null;
  sha256: string;
  sha512: string;
  size: number;
}

export interface AppRelease {
  channel: AppChannel;
  version: string;
  releasedAt: Date;
  files: ReleaseFile[];
}

interface PreparedFile extends FileDigest {
  filePath: string;
  fileName: string;
  platform: InstallerPlatform | null;
}

async function prepare(filePath: string): Promise<PreparedFile> {
  const fileName = path.basename(filePath);
  if (!isSafeReleaseFileName(fileName))
    throw new AppReleaseError(
      `"${fileName}": a release file name may hold only letters, digits, space, . _ + - (it becomes part of a URL).`,
    );
  const kind = releaseFileKind(fileName);
  if (kind.kind === 'unknown')
    throw new AppReleaseError(
      `"${fileName}" is not an installer Outpost serves (.exe, .zip, .dmg, .AppImage, .deb, .rpm, or a .blockmap beside one).`,
    );
  let digest: FileDigest;
  try {
    digest = await digestFile(filePath);
  } catch (error) {
    throw new AppReleaseError(`Cannot read ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ...digest, filePath, fileName, platform: kind.kind === 'installer' ? kind.platform : null };
}

function releaseVersion(files: readonly PreparedFile[], given: string | undefined): string {
  if (given !== undefined) {
    if (!isAppVersion(given))
      throw new AppReleaseError(`--version must be a semantic version such as 1.4.0 or 1.5.0-pilot.1, not "${given}".`);
    return given;
  }
  const found = new Set(files.map((f) => versionInFileName(releaseFileStem(f.fileName))));
  if (found.has(null) || found.size !== 1) {
    throw new AppReleaseError(
      `Give the version with --version: the file names ${found.size > 1 ? 'name different versions' : 'do not all name one'} (${files.map((f) => f.fileName).join(', ')}).`,
    );
  }
  return [...found][0]!;
}

function checkOneFilePerExtension(files: readonly PreparedFile[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const ext = path.extname(file.fileName).toLowerCase();
    const other = seen.get(ext);
    if (other && file.platform)
      throw new AppReleaseError(`Two installers of one kind (${other}, ${file.fileName}): a feed lists one of each.`);
    seen.set(ext, file.fileName);
  }
  if (!files.some((f) => f.platform)) throw new AppReleaseError('Name at least one installer (.exe, .zip, .dmg, .AppImage, .deb, .rpm).');
}

export async function addAppRelease(
  db: CentralDb,
  input: { channel: AppChannel; version?: string; files: readonly string[] },
): Promise<AppRelease> {
  if (input.files.length === 0) throw new AppReleaseError('Name the installer files to publish.');
  const files: PreparedFile[] = [];
  for (const filePath of input.files) files.push(await prepare(filePath));
  if (new Set(files.map((f) => f.fileName)).size !== files.length) throw new AppReleaseError('The same file name is given twice.');
  checkOneFilePerExtension(files);
  const version = releaseVersion(files, input.version);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['outpost app releases']);
    const [taken] = await tx.query('SELECT 1 FROM app_releases WHERE channel = $1 AND version = $2', [input.channel, version]);
    if (taken) throw new AppReleaseError(`Version ${version} is already published on the ${input.channel} channel: publish a new version.`);
    for (const file of files) {
      // One name, one set of bytes: devices resolve feed URLs by name on every channel they see.
      const [other] = await tx.query<{ channel: string; version: string }>(
        'SELECT channel, version FROM app_release_files WHERE file_name = $1 AND sha256 <> $2 LIMIT 1',
        [file.fileName, file.sha256],
      );
      if (other)
        throw new AppReleaseError(
          `${file.fileName} was published with other bytes (${other.version} on ${other.channel}): give the new build a new file name.`,
        );
    }
    const [release] = await tx.query<{ released_at: Date }>(
      'INSERT INTO app_releases (channel, version) VALUES ($1, $2) RETURNING released_at',
      [input.channel, version],
    );
    for (const file of files) {
      await storeReleaseBlob(tx, file.filePath, file);
      await tx.query(
        'INSERT INTO app_release_files (channel, version, file_name, platform, sha256, sha512, size) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [input.channel, version, file.fileName, file.platform, file.sha256, file.sha512, file.size],
      );
    }
    return {
      channel: input.channel,
      version,
      releasedAt: release!.released_at,
      files: files.map(({ fileName, platform, sha256, sha512, size }) => ({ fileName, platform, sha256, sha512, size })),
    };
  });
}

interface FileRow {
  channel: AppChannel;
  version: string;
  released_at: Date;
  file_name: string;
  platform: InstallerPlatform | null;
  sha256: string;
  sha512: string;
  size: number | string;
}

function groupReleases(rows: readonly FileRow[]): AppRelease[] {
  const byKey = new Map<string, AppRelease>();
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.version}`;
    let release = byKey.get(key);
    if (!release) {
      release = { channel: row.channel, version: row.version, releasedAt: row.released_at, files: [] };
      byKey.set(key, release);
    }
    release.files.push({ fileName: row.file_name, platform: row.platform, sha256: row.sha256, sha512: row.sha512, size: Number(row.size) });
  }
  return [...byKey.values()];
}

const FILE_ROWS = `SELECT r.channel, r.version, r.released_at, f.file_name, f.platform, f.sha256, f.sha512, f.size
  FROM app_releases r JOIN app_release_files f ON f.channel = r.channel AND f.version = r.version`;

/** Every release, newest first. */
export async function listAppReleases(db: CentralQueries): Promise<AppRelease[]> {
  const rows = await db.query<FileRow>(`${FILE_ROWS} ORDER BY r.released_at DESC, r.channel, f.file_name`);
  return groupReleases(rows);
}

/**
 * The release a device on `channel` is offered for `platform`: the highest version with an
 * installer for it on the channels it sees; at the same version its own channel's. Null: none.
 */
export async function feedRelease(db: CentralQueries, channel: AppChannel, platform: InstallerPlatform): Promise<AppRelease | null> {
  const channels = visibleChannels(channel);
  const rows = await db.query<FileRow>(
    `${FILE_ROWS} WHERE r.channel IN (SELECT jsonb_array_elements_text($1::jsonb))
        AND (r.channel, r.version) IN (SELECT channel, version FROM app_release_files WHERE platform = $2)
      ORDER BY f.file_name`,
    [JSON.stringify(channels), platform],
  );
  const releases = groupReleases(rows).filter((r) => isAppVersion(r.version));
  releases.sort((a, b) => compareAppVersions(b.version, a.version) || channels.indexOf(a.channel) - channels.indexOf(b.channel));
  return releases[0] ?? null;
}

/** A file of a release on one of the channels `channel` sees (names are unique per byte content). */
export async function releaseFile(db: CentralQueries, channel: AppChannel, fileName: string): Promise<ReleaseFile | null> {
  const [row] = await db.query<FileRow>(
    `${FILE_ROWS} WHERE f.file_name = $1 AND r.channel IN (SELECT jsonb_array_elements_text($2::jsonb)) LIMIT 1`,
    [fileName, JSON.stringify(visibleChannels(channel))],
  );
  return row ? { fileName: row.file_name, platform: row.platform, sha256: row.sha256, sha512: row.sha512, size: Number(row.size) } : null;
}
