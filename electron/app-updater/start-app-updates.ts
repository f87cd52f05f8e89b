// Started from main.ts on packaged builds only (electron-updater skips unpackaged apps); loaded
// lazily so that main.ts runs where electron-updater cannot load (tests with a fake 'electron').
import { net } from 'electron';
import { registerDesktopUpdater } from '../../core/app-updates/desktop-updater';
import { createLogger } from '../../core/logging/logger';
import type { OutpostCore } from '../../core/outpost-core';
import { electronUpdaterPort } from './electron-updater-port';
import { createUpdateController } from './update-controller';

export function startAppUpdates(core: OutpostCore): () => void {
  const log = createLogger('app-updates');
  const controller = createUpdateController({
    port: electronUpdaterPort(),
    feed: () => core.appUpdateFeed(),
    online: () => net.isOnline(),
    log: {
      info: (message, fields) => log.info(message, fields as Record<string, unknown>),
      warn: (message, fields) => log.warn(message, fields as Record<string, unknown>),
    },
  });
  registerDesktopUpdater(controller);
  const stop = controller.start();
  return () => {
    stop();
    registerDesktopUpdater(null);
  };
}
