// Desktop updates from the central server, on PGlite and PostgreSQL: installers published with
// `app-release add` (stored as blobs) make the `latest*.yml` feeds electron-updater's generic
// provider reads; a device sees the feed of the channel an administrator put it on (pilot also sees
// stable), downloads honour Range and need a device token, and the device list shows the version
// each desktop reports and its channel.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_VERSION_HEADER } from '../../shared/app-updates/app-channel';
import { listDevices } from '../../server/accounts/devices';
import { appReleaseCommand, deviceChannelCommand } from '../../server/admin/app-release-command';
import { runAdminCommand } from '../../server/admin/admin-commands';
import { purgeBlobs } from '../../server/blobs/blob-purge';
import type { CentralDb } from '../../server/db/central-db';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { api, signIn } from '../support/wire-client';

// electron-updater's own reading of a feed (js-yaml, then its file resolution); needs no Electron.
const provider = createRequire(import.meta.url)('electron-updater/out/providers/Provider') as {
  parseUpdateInfo(
    raw: string,
    channelFile: string,
    url: URL,
  ): { version: string; files: { url: string; sha512: string; size: number }[]; path: string; sha512: string; releaseDate: string };
  resolveFiles(info: unknown, baseUrl: URL): { url: URL; info: { sha512: string; size: number } }[];
  findFile(files: unknown[], extension: string): { url: URL; info: { sha512: string; size: number } } | null | undefined;
};

const PASSWORD = 'correct horse battery';
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

interface Io {
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
}
const capture = () => {
  const lines: string[] = [];
  const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l), readStdin: async () => '' };
  return { lines, io };
};

describe.each(SERVER_BACKENDS)('app updates from the central server (%s)', (backend) => {
  let server: TestServer;
  let dir: string;
  let admin: { token: string; deviceId: string };
  let stableDevice: { token: string; deviceId: string };
  let pilotDevice: { token: string; deviceId: string };
  const files = new Map<string, Buffer>();
  const fileAt = (name: string) => path.join(dir, name);

  /** The app-release command on the server's own database (PGlite's directory belongs to the running server). */
  const onServerDb = <T>(_dataDir: string | undefined, fn: (db: CentralDb) => Promise<T>) => fn(server.db);
  const get = (device: { token: string } | null, urlPath: string, headers: Record<string, string> = {}) =>
    api(server.url, 'GET', urlPath, { ...(device ? { token: device.token } : {}), headers });

  beforeAll(async () => {
    server = await startTestServer({ backend });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-app-release-'));
    // Fake installers: random bytes over several 512 KiB blob chunks.
    for (const [name, size] of [
      ['Outpost-Setup-1.4.0.exe', 1_300_000],
      ['Outpost-Setup-1.4.0.exe.blockmap', 2_000],
      ['Outpost-1.4.0.AppImage', 700_000],
      ['Outpost Setup 1.5.0-pilot.1.exe', 1_100_000],
    ] as const) {
      const bytes = randomBytes(size);
      files.set(name, bytes);
      fs.writeFileSync(fileAt(name), bytes);
    }
    await server.createUser({ username: 'ada', role: 'administrator', password: PASSWORD });
    await server.createUser({ username: 'sam', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'pia', role: 'technician', password: PASSWORD });
    admin = await signIn(server.url, 'ada', PASSWORD, 'admin desk');
    stableDevice = await signIn(server.url, 'sam', PASSWORD, "Sam's laptop");
    pilotDevice = await signIn(server.url, 'pia', PASSWORD, "Pia's laptop");
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes installers with app-release add (version read from the file names) and lists them', async () => {
    const stable = capture();
    const stableFiles = ['Outpost-Setup-1.4.0.exe', 'Outpost-Setup-1.4.0.exe.blockmap', 'Outpost-1.4.0.AppImage'].map(fileAt);
    expect(await appReleaseCommand(['add', ...stableFiles, '--channel', 'stable'], stable.io, onServerDb)).toBe(0);
    expect(stable.lines[0]).toBe('published 1.4.0 on the stable channel:');

    if (backend === 'postgresql') {
      // The whole CLI path, on the database the server uses (PostgreSQL works while the server runs).
      const pilot = capture();
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = server.location;
      try {
        expect(
          await runAdminCommand('app-release', ['add', fileAt('Outpost Setup 1.5.0-pilot.1.exe'), '--channel', 'pilot'], pilot.io),
        ).toBe(0);
      } finally {
        if (saved === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved;
      }
      expect(pilot.lines.join('\n')).toContain('published 1.5.0-pilot.1 on the pilot channel');
    } else {
      const pilot = capture();
      expect(await appReleaseCommand(['add', fileAt('Outpost Setup 1.5.0-pilot.1.exe'), '--channel', 'pilot'], pilot.io, onServerDb)).toBe(
        0,
      );
    }

    // Stored as blobs by SHA-256, with no uploading device.
    const exe = files.get('Outpost-Setup-1.4.0.exe')!;
    const [blob] = await server.db.query<{ size: number; complete: boolean; uploaded_by_device: string | null }>(
      'SELECT size, complete, uploaded_by_device FROM blobs WHERE sha256 = $1',
      [createHash('sha256').update(exe).digest('hex')],
    );
    expect(blob).toEqual({ size: exe.length, complete: true, uploaded_by_device: null });

    const again = capture();
    expect(await appReleaseCommand(['add', fileAt('Outpost-Setup-1.4.0.exe'), '--channel', 'stable'], again.io, onServerDb)).toBe(1);
    expect(again.lines.join('\n')).toMatch(/1\.4\.0 is already published on the stable channel/);
    const noChannel = capture();
    expect(await appReleaseCommand(['add', fileAt('Outpost-Setup-1.4.0.exe'), '--channel', 'beta'], noChannel.io, onServerDb)).toBe(2);

    const list = capture();
    expect(await appReleaseCommand(['list'], list.io, onServerDb)).toBe(0);
    expect(list.lines).toHaveLength(2);
    expect(list.lines[0]).toMatch(/^pilot\t1\.5\.0-pilot\.1\t/);
    expect(list.lines[1]).toMatch(/^stable\t1\.4\.0\t.*Outpost-1\.4\.0\.AppImage/);
  });

  it('lets administrators, and only them, put a device on the pilot channel', async () => {
    const body = { channel: 'pilot' };
    expect(
      (await api(server.url, 'PUT', `/v1/devices/${pilotDevice.deviceId}/app-channel`, { token: stableDevice.token, body })).status,
    ).toBe(403);
    const set = await api(server.url, 'PUT', `/v1/devices/${pilotDevice.deviceId}/app-channel`, { token: admin.token, body });
    expect(set).toMatchObject({ status: 200, body: { deviceId: pilotDevice.deviceId, channel: 'pilot' } });
    expect(
      (
        await api(server.url, 'PUT', `/v1/devices/${pilotDevice.deviceId}/app-channel`, {
          token: admin.token,
          body: { channel: 'nightly' },
        })
      ).status,
    ).toBe(400);

    const info = await get(pilotDevice, '/v1/app-updates', { [APP_VERSION_HEADER]: '1.3.0' });
    expect(info).toMatchObject({ status: 200, body: { channel: 'pilot', feedPath: '/v1/app-updates/pilot', reportedVersion: '1.3.0' } });
  });

  it('serves each device the feed of its channel, in the shape electron-updater reads', async () => {
    const feed = await get(stableDevice, '/v1/app-updates/stable/latest.yml?noCache=1abc', { [APP_VERSION_HEADER]: '1.3.2' });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/yaml/);
    const text = Buffer.from(feed.body as Buffer).toString('utf8');
    const exe = files.get('Outpost-Setup-1.4.0.exe')!;
    const parsed = parse(text) as Record<string, unknown>;
    expect(parsed).toEqual({
      version: '1.4.0',
      files: [{ url: 'Outpost-Setup-1.4.0.exe', sha512: sha512(exe), size: exe.length }],
      path: 'Outpost-Setup-1.4.0.exe',
      sha512: sha512(exe),
      releaseDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });

    // electron-updater's parser (js-yaml) reads the same, with releaseDate still a string, and
    // resolves the installer against the feed directory.
    const feedUrl = new URL(`${server.url}/v1/app-updates/stable/latest.yml`);
    const info = provider.parseUpdateInfo(text, 'latest.yml', feedUrl);
    expect(info).toEqual(parsed);
    const installer = provider.findFile(provider.resolveFiles(info, new URL(`${server.url}/v1/app-updates/stable/`)), 'exe');
    expect(installer?.url.href).toBe(`${server.url}/v1/app-updates/stable/Outpost-Setup-1.4.0.exe`);
    expect(installer?.info).toMatchObject({ sha512: sha512(exe), size: exe.length });

    const linux = parse(
      Buffer.from((await get(stableDevice, '/v1/app-updates/stable/latest-linux.yml')).body as Buffer).toString('utf8'),
    ) as { version: string; path: string };
    expect(linux).toMatchObject({ version: '1.4.0', path: 'Outpost-1.4.0.AppImage' });
    expect(await get(stableDevice, '/v1/app-updates/stable/latest-mac.yml')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });

    // Pilot: the pilot build on Windows, the newest stable where there is no pilot build.
    const pilotFeed = parse(Buffer.from((await get(pilotDevice, '/v1/app-updates/pilot/latest.yml')).body as Buffer).toString('utf8')) as {
      version: string;
      files: { url: string; sha512: string }[];
    };
    expect(pilotFeed.version).toBe('1.5.0-pilot.1');
    expect(pilotFeed.files).toEqual([
      { url: 'Outpost Setup 1.5.0-pilot.1.exe', sha512: sha512(files.get('Outpost Setup 1.5.0-pilot.1.exe')!), size: 1_100_000 },
    ]);
    // A name with spaces (electron-builder's NSIS default), as electron-updater requests it.
    const [pilotInstaller] = provider.resolveFiles(pilotFeed, new URL(`${server.url}/v1/app-updates/pilot/`));
    expect(pilotInstaller!.url.pathname).toBe('/v1/app-updates/pilot/Outpost%20Setup%201.5.0-pilot.1.exe');
    const pilotDownload = await get(pilotDevice, pilotInstaller!.url.pathname);
    expect(Buffer.compare(pilotDownload.body as Buffer, files.get('Outpost Setup 1.5.0-pilot.1.exe')!)).toBe(0);
    const pilotLinux = parse(
      Buffer.from((await get(pilotDevice, '/v1/app-updates/pilot/latest-linux.yml')).body as Buffer).toString('utf8'),
    ) as { version: string };
    expect(pilotLinux.version).toBe('1.4.0');

    // A stable device does not see the pilot version, by its feed or by asking for the pilot one.
    expect(text).not.toContain('1.5.0');
    expect(await get(stableDevice, '/v1/app-updates/pilot/latest.yml')).toMatchObject({
      status: 403,
      body: { error: { code: 'wrong_channel' } },
    });
    expect((await get(stableDevice, '/v1/app-updates/stable/Outpost%20Setup%201.5.0-pilot.1.exe')).status).toBe(404);
    expect((await get(stableDevice, '/v1/app-updates/nightly/latest.yml')).status).toBe(404);
  });

  it('streams installers, honouring Range, to signed-in devices only', async () => {
    const exe = files.get('Outpost-Setup-1.4.0.exe')!;
    const whole = await get(stableDevice, '/v1/app-updates/stable/Outpost-Setup-1.4.0.exe');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.compare(whole.body as Buffer, exe)).toBe(0);

    // Across a chunk boundary (chunks are 512 KiB): a resumed download.
    const part = await get(stableDevice, '/v1/app-updates/stable/Outpost-Setup-1.4.0.exe', { range: 'bytes=500000-600000' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 500000-600000/${exe.length}`);
    expect(part.headers.get('content-length')).toBe('100001');
    expect(Buffer.compare(part.body as Buffer, exe.subarray(500000, 600001))).toBe(0);

    const rest = await get(stableDevice, '/v1/app-updates/stable/Outpost-Setup-1.4.0.exe', { range: 'bytes=1200000-' });
    expect(rest.status).toBe(206);
    expect(Buffer.compare(rest.body as Buffer, exe.subarray(1_200_000))).toBe(0);
    const tail = await get(stableDevice, '/v1/app-updates/stable/Outpost-Setup-1.4.0.exe', { range: 'bytes=-10' });
    expect(Buffer.compare(tail.body as Buffer, exe.subarray(exe.length - 10))).toBe(0);
    const beyond = await get(stableDevice, '/v1/app-updates/stable/Outpost-Setup-1.4.0.exe', { range: `bytes=${exe.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${exe.length}`);

    const blockmap = await get(stableDevice, '/v1/app-updates/stable/Outpost-Setup-1.4.0.exe.blockmap');
    expect(Buffer.compare(blockmap.body as Buffer, files.get('Outpost-Setup-1.4.0.exe.blockmap')!)).toBe(0);
    // The pilot device gets stable files through its own channel.
    expect((await get(pilotDevice, '/v1/app-updates/pilot/Outpost-1.4.0.AppImage', { range: 'bytes=0-9' })).status).toBe(206);

    expect(await get(null, '/v1/app-updates/stable/Outpost-Setup-1.4.0.exe')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized' } },
    });
    expect(await get(null, '/v1/app-updates/stable/latest.yml')).toMatchObject({ status: 401 });
    expect(await get(stableDevice, '/v1/app-updates/stable/Outpost-Setup-9.9.9.exe')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
  });

  it('shows each device its reported version and channel in the device list', async () => {
    const devices = await listDevices(server.db);
    expect(devices.find((d) => d.id === stableDevice.deviceId)).toMatchObject({ appChannel: 'stable', appVersion: '1.3.2' });
    expect(devices.find((d) => d.id === pilotDevice.deviceId)).toMatchObject({ appChannel: 'pilot', appVersion: '1.3.0' });
    expect(devices.find((d) => d.id === admin.deviceId)).toMatchObject({ appChannel: 'stable', appVersion: null });

    if (backend === 'postgresql') {
      // `outpost server device list`, on the server's database.
      const cli = capture();
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = server.location;
      try {
        expect(await runAdminCommand('device', ['list'], cli.io)).toBe(0);
      } finally {
        if (saved === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved;
      }
      expect(cli.lines.find((l) => l.startsWith(pilotDevice.deviceId))).toContain('app 1.3.0 (pilot)');
      expect(cli.lines.find((l) => l.startsWith(stableDevice.deviceId))).toContain('app 1.3.2 (stable)');
    }

    // Reported on any signed-in request (the desktop sends it with every sync request).
    await get(admin, '/v1/me', { [APP_VERSION_HEADER]: '1.4.0' });
    expect((await listDevices(server.db)).find((d) => d.id === admin.deviceId)).toMatchObject({ appVersion: '1.4.0' });

    // The CLI's way to choose a channel, then back to pilot for the next case.
    const cli = capture();
    expect(await deviceChannelCommand([pilotDevice.deviceId, 'stable'], undefined, cli.io, onServerDb)).toBe(0);
    expect((await get(pilotDevice, '/v1/app-updates')).body).toMatchObject({ channel: 'stable' });
    expect(await deviceChannelCommand([pilotDevice.deviceId, 'beta'], undefined, cli.io, onServerDb)).toBe(2);
    expect(await deviceChannelCommand(['00000000-0000-4000-8000-000000000000', 'pilot'], undefined, cli.io, onServerDb)).toBe(1);
    expect(await deviceChannelCommand([pilotDevice.deviceId, 'pilot'], undefined, cli.io, onServerDb)).toBe(0);
  });

  it('keeps release files through the attachment purge', async () => {
    const result = await purgeBlobs(server.db, { graceMs: 0, now: new Date(Date.now() + 365 * 24 * 3_600_000) });
    expect(result.purged).toBe(0);
    expect((await get(stableDevice, '/v1/app-updates/stable/Outpost-Setup-1.4.0.exe', { range: 'bytes=0-0' })).status).toBe(206);
  });
});
