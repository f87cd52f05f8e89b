import { parseArgs } from 'node:util';
import { roleSchema } from '../../shared/domain/enums';
import { listDevices, revokeDevice } from '../accounts/devices';
import { generatePassword, MIN_PASSWORD_LENGTH } from '../accounts/password-hash';
import { AccountError, createUser, listUsers, resetPassword, setUserDisabled } from '../accounts/users';
import { openCentralDb, type CentralDb } from '../db/central-db';
import { DataDirInUseError } from '../db/data-dir-lock';
import { migrateCentral, type MigrationLog } from '../db/migrate-central';
import { purgeTombstones } from '../sync/retention';
import { CHECK_ROWS_USAGE, checkRowsCommand } from './check-rows-command';
import { PURGE_BLOBS_USAGE, purgeBlobsCommand } from './purge-blobs-command';
import { APP_RELEASE_USAGE, appReleaseCommand, deviceChannelCommand } from './app-release-command';

/**
 * `outpost server user …` and `outpost server device …`: account management straight on the
 * central database (PGlite data directory or DATABASE_URL). On PGlite the running server holds the
 * data directory, so these refuse while it runs (stop it first); on PostgreSQL they work any time.
 */

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
  /** All of standard input (for --password-stdin). */
  readStdin(): Promise<string>;
}

export const ADMIN_USAGE = [
  'outpost server user create --username U [--name "Display Name"] --role technician|release_manager|administrator [--password-stdin]',
  'outpost server user reset-password --username U [--password-stdin]',
  'outpost server user list',
  'outpost server user disable|enable --username U',
  'outpost server device list [--username U]',
  'outpost server device revoke DEVICE_ID',
  'outpost server purge-tombstones [--older-than-days 90]   (clients with older cursors get a fresh snapshot)',
  CHECK_ROWS_USAGE,
  PURGE_BLOBS_USAGE,
  APP_RELEASE_USAGE,
  '',
  'Every command takes [--data-dir DIR] (PGlite; default OUTPOST_SERVER_DATA or ./.outpost-server-data) or uses DATABASE_URL (PostgreSQL).',
  'Without --password-stdin a strong password is generated and printed once.',
].join('\n');

const toStderr = (io: AdminIo): MigrationLog => ({
  info: (fields, message) => io.err(`${message} ${JSON.stringify(fields)}`),
  warn: (fields, message) => io.err(`${message} ${JSON.stringify(fields)}`),
});

async function withDb<T>(dataDir: string | undefined, io: AdminIo, fn: (db: CentralDb) => Promise<T>): Promise<T> {
  let db: CentralDb;
  try {
    db = await openCentralDb({ dataDir });
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      throw new AccountError(
        'invalid',
        `${error.message} User and device commands cannot open PGlite data while the server runs: stop the server, run the command, start it again.`,
      );
    }
    throw error;
  }
  try {
    await migrateCentral(db, toStderr(io));
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function passwordFrom(fromStdin: boolean | undefined, io: AdminIo): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: generatePassword(), generated: true };
  const text = await io.readStdin();
  const password = text.replace(/\r?\n$/, '');
  // Refused before the database is opened (createUser and resetPassword check it again).
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AccountError('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  return { password, generated: false };
}

const iso = (d: Date | null) => (d ? d.toISOString() : '-');

async function userCommand(action: string | undefined, args: string[], io: AdminIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values['data-dir'];
  const needUsername = () => {
    if (!values.username) throw new AccountError('invalid', '--username is required.');
    return values.username;
  };
  switch (action) {
    case 'create': {
      const username = needUsername();
      const role = roleSchema.safeParse(values.role);
      if (!role.success) throw new AccountError('invalid', '--role must be technician, release_manager or administrator.');
      const { password, generated } = await passwordFrom(values['password-stdin'], io);
      const displayName = values.name ?? values['display-name'] ?? username;
      const user = await withDb(dataDir, io, (db) => createUser(db, { username, displayName, role: role.data, password }));
      io.out(`created ${user.role} ${user.username} (${user.displayName}), id ${user.id}`);
      if (generated) io.out(`password (shown once): ${password}`);
      return 0;
    }
    case 'reset-password': {
      const username = needUsername();
      const { password, generated } = await passwordFrom(values['password-stdin'], io);
      await withDb(dataDir, io, (db) => resetPassword(db, username, password));
      io.out(`password of ${username} reset (their signed-in devices stay signed in; revoke them with "outpost server device revoke")`);
      if (generated) io.out(`password (shown once): ${password}`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const username = needUsername();
      await withDb(dataDir, io, (db) => setUserDisabled(db, username, action === 'disable'));
      io.out(`${username} ${action}d`);
      return 0;
    }
    case 'list': {
      const users = await withDb(dataDir, io, (db) => listUsers(db));
      for (const u of users)
        io.out([u.username, u.role, u.displayName, u.disabledAt ? `disabled ${iso(u.disabledAt)}` : 'active', u.id].join('\t'));
      if (users.length === 0) io.out('no users yet: outpost server user create --help');
      return 0;
    }
    default:
      io.err(`Unknown: outpost server user ${action ?? ''}\n\n${ADMIN_USAGE}`);
      return 2;
  }
}

async function deviceCommand(action: string | undefined, args: string[], io: AdminIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { username: { type: 'string' }, 'data-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const dataDir = values['data-dir'];
  switch (action) {
    case 'list': {
      const devices = await withDb(dataDir, io, (db) => listDevices(db, { username: values.username }));
      for (const d of devices) {
        io.out(
          [
            d.id,
            d.username,
            d.name,
            `created ${iso(d.createdAt)}`,
            `last seen ${iso(d.lastSeenAt)}`,
            `app ${d.appVersion ?? '-'} (${d.appChannel})`,
            d.revokedAt ? `revoked ${iso(d.revokedAt)}` : 'active',
          ].join('\t'),
        );
      }
      if (devices.length === 0) io.out('no devices');
      return 0;
    }
    case 'revoke': {
      const [deviceId] = positionals;
      if (!deviceId)
        throw new AccountError('invalid', 'Name the device: outpost server device revoke DEVICE_ID (see outpost server device list).');
      const found = await withDb(dataDir, io, (db) => revokeDevice(db, deviceId));
      if (!found) {
        io.err(`No device ${deviceId}.`);
        return 1;
      }
      io.out(`device ${deviceId} revoked: its next request is refused`);
      return 0;
    }
    case 'channel':
      return deviceChannelCommand(positionals, dataDir, io, (dir, fn) => withDb(dir, io, fn));
    default:
      io.err(`Unknown: outpost server device ${action ?? ''}\n\n${ADMIN_USAGE}`);
      return 2;
  }
}

async function purgeCommand(args: string[], io: AdminIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'older-than-days': { type: 'string', default: '90' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const days = Number(values['older-than-days']);
  if (!Number.isFinite(days) || days < 0) throw new AccountError('invalid', '--older-than-days must be a number of days, 0 or more.');
  const result = await withDb(values['data-dir'], io, (db) => purgeTombstones(db, { olderThanDays: days }));
  io.out(`purged ${result.purged} tombstones older than ${days} days`);
  for (const p of result.partitions) io.out(`${p.partition}\tretained from ${p.retainedFrom}`);
  return 0;
}

export type AdminGroup = 'user' | 'device' | 'purge-tombstones' | 'check-rows' | 'purge-blobs' | 'app-release';

/** Runs `user …`, `device …`, `purge-tombstones` or `check-rows`; refusals print their message and exit 1. */
export async function runAdminCommand(group: AdminGroup, argv: readonly string[], io: AdminIo): Promise<number> {
  const [action, ...rest] = argv;
  try {
    if (group === 'purge-tombstones') return await purgeCommand([...argv], io);
    if (group === 'check-rows') return await checkRowsCommand([...argv], io, (dataDir, fn) => withDb(dataDir, io, fn));
    if (group === 'app-release') return await appReleaseCommand([...argv], io, (dataDir, fn) => withDb(dataDir, io, fn));
    if (group === 'purge-blobs') return await purgeBlobsCommand([...argv], io, (dataDir, fn) => withDb(dataDir, io, fn));
    return group === 'user' ? await userCommand(action, rest, io) : await deviceCommand(action, rest, io);
  } catch (error) {
    if (error instanceof AccountError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
