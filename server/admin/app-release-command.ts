import { parseArgs } from 'node:util';
import { APP_CHANNELS, appChannelSchema } from '../../shared/app-updates/app-channel';
import { addAppRelease, AppReleaseError, listAppReleases } from '../app-updates/app-releases';
import { setDeviceAppChannel } from '../app-updates/device-app-info';
import type { CentralDb } from '../db/central-db';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

type WithDb = <T>(dataDir: string | undefined, fn: (db: CentralDb) => Promise<T>) => Promise<T>;

export const APP_RELEASE_USAGE = [
  `outpost server app-release add FILE... --channel ${APP_CHANNELS.join('|')} [--version V]   (installers; the version is read from the file names unless given)`,
  'outpost server app-release list',
  `outpost server device channel DEVICE_ID ${APP_CHANNELS.join('|')}   (the update channel of a desktop; new devices are on stable)`,
].join('\n');

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** `outpost server app-release add|list`: publish desktop installers to the fleet's update feed. */
export async function appReleaseCommand(args: string[], io: Io, withDb: WithDb): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { channel: { type: 'string' }, version: { type: 'string' }, 'data-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  try {
    if (action === 'add') {
      const channel = appChannelSchema.safeParse(values.channel);
      if (!channel.success) {
        io.err(`--channel must be ${APP_CHANNELS.join(' or ')}.`);
        return 2;
      }
      const release = await withDb(values['data-dir'], (db) =>
        addAppRelease(db, { channel: channel.data, version: values.version, files: positionals }),
      );
      io.out(`published ${release.version} on the ${release.channel} channel:`);
      for (const f of release.files) io.out(`  ${f.fileName}\t${f.platform ?? 'companion'}\t${mb(f.size)}\tsha256 ${f.sha256}`);
      io.out(`devices on ${release.channel === 'stable' ? 'stable and pilot' : 'pilot'} are offered it at their next update check.`);
      return 0;
    }
    if (action === 'list') {
      const releases = await withDb(values['data-dir'], (db) => listAppReleases(db));
      for (const r of releases) {
        io.out(
          [r.channel, r.version, r.releasedAt.toISOString(), r.files.map((f) => `${f.fileName} (${mb(f.size)})`).join(', ')].join('\t'),
        );
      }
      if (releases.length === 0) io.out('no releases yet: outpost server app-release add FILE... --channel stable');
      return 0;
    }
  } catch (error) {
    if (error instanceof AppReleaseError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  io.err(`Unknown: outpost server app-release ${action ?? ''}\n\n${APP_RELEASE_USAGE}`);
  return 2;
}

/** `outpost server device channel DEVICE_ID stable|pilot`. */
export async function deviceChannelCommand(
  positionals: readonly string[],
  dataDir: string | undefined,
  io: Io,
  withDb: WithDb,
): Promise<number> {
  const [deviceId, value] = positionals;
  const channel = appChannelSchema.safeParse(value);
  if (!deviceId || !channel.success) {
    io.err(`Usage: ${APP_RELEASE_USAGE.split('\n')[2]}`);
    return 2;
  }
  const found = await withDb(dataDir, (db) => setDeviceAppChannel(db, deviceId, channel.data));
  if (!found) {
    io.err(`No device ${deviceId}.`);
    return 1;
  }
  io.out(`device ${deviceId} is on the ${channel.data} channel from its next update check`);
  return 0;
}
