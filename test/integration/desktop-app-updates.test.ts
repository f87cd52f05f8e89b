// The desktop side of updates from the central server, with a real core signed in to a real server
// (PGlite): the updater's feed is the device's channel on that server with its token and version;
// the update controller (electron-updater replaced by a stand-in port) checks it; `appUpdate.status`
// offers "Restart to update" only when no change waits to be synced and no check job runs.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registerDesktopUpdater } from '../../core/app-updates/desktop-updater';
import { DATABASE_FILE_NAME } from '../../core/outpost-core';
import { createUpdateController, type UpdaterEvent } from '../../electron/app-updater/update-controller';
import { listDevices } from '../../server/accounts/devices';
import { addAppRelease } from '../../server/app-updates/app-releases';
import { APP_VERSION_HEADER } from '../../shared/app-updates/app-channel';
import { startTestServer, type TestServer } from '../support/central-server';
import { openTestCore, tempDataDir, type TestCore } from '../support/temp-core';

const PASSWORD = 'correct horse battery';

describe('desktop updates from the central server', () => {
  let server: TestServer;
  let device: TestCore;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer({ backend: 'pglite' });
    await server.createUser({ username: 'ana', role: 'technician', password: PASSWORD });
    dir = tempDataDir('outpost-installers');
    const installer = path.join(dir, 'Outpost-Setup-1.4.0.exe');
    fs.writeFileSync(installer, Buffer.alloc(4096, 7));
    await addAppRelease(server.db, { channel: 'stable', files: [installer] });
    device = openTestCore({ sync: { intervalMs: false, requestTimeoutMs: 10_000 } });
  }, 120_000);
  afterAll(async () => {
    registerDesktopUpdater(null);
    device?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the feed of the signed-in server with the device token, and reports the app version', async () => {
    expect(await device.core.appUpdateFeed()).toBeNull();
    await device.callAsync('sync.signIn', { serverUrl: server.url, username: 'ana', password: PASSWORD, deviceName: "Ana's laptop" });
    await device.syncEngine.idle();
    // Reported with the sign-in's sync requests already.
    expect((await listDevices(server.db, { username: 'ana' }))[0]).toMatchObject({ appVersion: '0.0.0-test', appChannel: 'stable' });

    const feed = await device.core.appUpdateFeed();
    expect(feed).toMatchObject({ url: `${server.url}/v1/app-updates/stable`, channel: 'stable', pinnedFingerprint: null });
    expect(feed!.headers).toMatchObject({ authorization: expect.stringMatching(/^Bearer /), [APP_VERSION_HEADER]: '0.0.0-test' });
    const response = await fetch(`${feed!.url}/latest.yml`, { headers: feed!.headers });
    expect(response.status).toBe(200);
    expect(parse(await response.text())).toMatchObject({ version: '1.4.0', path: 'Outpost-Setup-1.4.0.exe' });
    const [listed] = await listDevices(server.db, { username: 'ana' });
    expect(listed).toMatchObject({ appVersion: '0.0.0-test', appChannel: 'stable' });
  });

  it('offers "Restart to update" only when nothing is pending', async () => {
    // Without a desktop updater (browser shell, CLI): updates apply to the desktop app.
    expect(device.call('appUpdate.status', {})).toMatchObject({ phase: 'unavailable', restart: { offer: false } });

    let emit: (event: UpdaterEvent) => void = () => undefined;
    let installs = 0;
    const configured: string[] = [];
    const controller = createUpdateController({
      port: {
        configure: (feed) => configured.push(feed.url),
        check: async () => emit({ type: 'downloaded', version: '1.4.0' }),
        quitAndInstall: () => {
          installs += 1;
        },
        onEvent: (listener) => {
          emit = listener;
        },
      },
      feed: () => device.core.appUpdateFeed(),
      online: () => true,
    });
    registerDesktopUpdater(controller);
    await controller.tick();
    expect(configured).toEqual([`${server.url}/v1/app-updates/stable`]);
    expect(device.call('appUpdate.status', {})).toMatchObject({
      phase: 'downloaded',
      version: '1.4.0',
      restart: { offer: true, waitingFor: null },
    });

    // A change waiting to be synced holds the offer back, and the restart is refused.
    const sqlite = new Database(path.join(device.dataDir, DATABASE_FILE_NAME));
    try {
      sqlite
        .prepare(
          "INSERT INTO sync_outbox (op_id, entity, row_id, kind, partition, schema_version, data, created_at) VALUES ('op-1', 'sites', 's1', 'update', 'd1', 1, '{}', '2026-12-06T00:00:00Z')",
        )
        .run();
      expect(device.call('appUpdate.status', {})).toMatchObject({ phase: 'downloaded', restart: { offer: false, waitingFor: 'sync' } });
      const refused = device.core.dispatch('appUpdate.restart', {});
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'rule', message: expect.stringContaining('changes are waiting to be synced') },
      });
      sqlite.prepare("DELETE FROM sync_outbox WHERE op_id = 'op-1'").run();

      const hasCheckJobs = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'check_jobs'").get();
      if (hasCheckJobs) {
        // A running check job (stored jobs, desktop migration 25) holds it back too.
        sqlite
          .prepare(
            "INSERT INTO check_jobs (id, site_id, kind, concurrency, state, started_at, started_by) VALUES ('job-1', 's1', 'remote', 1, 'running', '2026-12-06T00:00:00Z', 'Ana')",
          )
          .run();
        expect(device.call('appUpdate.status', {})).toMatchObject({ restart: { offer: false, waitingFor: 'check_job' } });
        sqlite.prepare("DELETE FROM check_jobs WHERE id = 'job-1'").run();
      }
    } finally {
      sqlite.close();
    }

    expect(device.call('appUpdate.status', {})).toMatchObject({ restart: { offer: true } });
    expect(device.call('appUpdate.restart', {})).toEqual({ restarting: true, version: '1.4.0' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(installs).toBe(1);
  });
});
