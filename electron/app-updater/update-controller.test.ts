import { describe, expect, it } from 'vitest';
import type { AppUpdateFeed } from '../../core/app-updates/update-feed';
import { UPDATE_CHECK_INTERVAL_MS } from '../../shared/app-updates/update-when-idle';
import { createUpdateController, type UpdaterEvent, type UpdaterPort } from './update-controller';

const FEED: AppUpdateFeed = {
  url: 'https://outpost.example/v1/app-updates/pilot',
  channel: 'pilot',
  headers: { authorization: 'Bearer t' },
  pinnedFingerprint: null,
};

function fakePort(onCheck: (emit: (event: UpdaterEvent) => void) => void = () => undefined) {
  let listener: (event: UpdaterEvent) => void = () => undefined;
  const port = {
    configured: [] as AppUpdateFeed[],
    checks: 0,
    installs: 0,
    emit: (event: UpdaterEvent) => listener(event),
    configure(feed: AppUpdateFeed) {
      port.configured.push(feed);
    },
    async check() {
      port.checks += 1;
      onCheck(port.emit);
    },
    quitAndInstall() {
      port.installs += 1;
    },
    onEvent(l: (event: UpdaterEvent) => void) {
      listener = l;
    },
  } satisfies UpdaterPort & Record<string, unknown>;
  return port;
}

describe('the desktop update controller', () => {
  it('checks on start and daily while online, with the signed-in server feed, and downloads in the background', async () => {
    let now = 1_800_000_000_000;
    let online = false;
    const port = fakePort((emit) => {
      emit({ type: 'checking' });
      emit({ type: 'not-available' });
    });
    const controller = createUpdateController({ port, feed: async () => FEED, online: () => online, now: () => now });

    await controller.tick();
    expect(port.checks).toBe(0); // offline: no check
    online = true;
    await controller.tick();
    expect(port.checks).toBe(1);
    expect(port.configured).toEqual([FEED]);
    expect(controller.state()).toMatchObject({ phase: 'up_to_date', lastCheckAt: new Date(now).toISOString() });

    now += UPDATE_CHECK_INTERVAL_MS - 1;
    await controller.tick();
    expect(port.checks).toBe(1);
    now += 1;
    await controller.tick();
    expect(port.checks).toBe(2);

    port.emit({ type: 'available', version: '1.5.0' });
    port.emit({ type: 'progress', percent: 42.5 });
    expect(controller.state()).toMatchObject({ phase: 'downloading', version: '1.5.0', percent: 42.5 });
    port.emit({ type: 'downloaded', version: '1.5.0' });
    expect(controller.state()).toMatchObject({ phase: 'downloaded', version: '1.5.0' });
    // A downloaded update waits for the restart: no more checks, later events do not hide it.
    port.emit({ type: 'error', message: 'late' });
    now += 2 * UPDATE_CHECK_INTERVAL_MS;
    await controller.tick();
    expect(port.checks).toBe(2);
    expect(controller.state().phase).toBe('downloaded');
    controller.quitAndInstall();
    expect(port.installs).toBe(1);
  });

  it('waits for a sign-in, and reports a server it cannot ask', async () => {
    let feed: AppUpdateFeed | null = null;
    let fail = false;
    const port = fakePort();
    const controller = createUpdateController({
      port,
      feed: async () => {
        if (fail) throw new Error('Cannot reach the server');
        return feed;
      },
      online: () => true,
    });
    await controller.tick();
    expect(controller.state().phase).toBe('not_signed_in');
    expect(port.checks).toBe(0);
    feed = FEED;
    await controller.tick(); // signed in since: checked at once, not a day later
    expect(port.checks).toBe(1);

    const failing = createUpdateController({
      port: fakePort(),
      feed: async () => {
        fail = true;
        throw new Error('Cannot reach the server');
      },
      online: () => true,
    });
    await failing.tick();
    expect(failing.state()).toMatchObject({ phase: 'error', message: 'Cannot reach the server' });
  });
});
