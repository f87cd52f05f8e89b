// The one file that touches electron-updater (it needs Electron, absent where the tests run):
// the generic provider on the central server's feed, background download, install on quit.
import { session } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { AppUpdateFeed } from '../../core/app-updates/update-feed';
import type { UpdaterEvent, UpdaterPort } from './update-controller';

/** electron-updater's own session partition (electronHttpExecutor.ts NET_SESSION_NAME). */
const UPDATER_SESSION = 'electron-updater';

/** Electron's certificate fingerprint ("sha256/<base64>") as sync pins it (hex pairs, colon-separated, upper case). */
function pinFormat(electronFingerprint: string): string {
  const hex = Buffer.from(electronFingerprint.replace(/^sha256\//, ''), 'base64')
    .toString('hex')
    .toUpperCase();
  return hex.match(/../g)?.join(':') ?? hex;
}

const sameFingerprint = (a: string, b: string) => a.replace(/[^0-9a-f]/gi, '').toUpperCase() === b.replace(/[^0-9a-f]/gi, '').toUpperCase();

export function electronUpdaterPort(): UpdaterPort {
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  let pinned: { host: string; fingerprint: string } | null = null;
  // Like sync: an https:// server is trusted by the certificate pinned at sign-in, not by CAs.
  session.fromPartition(UPDATER_SESSION, { cache: false }).setCertificateVerifyProc((request, callback) => {
    if (pinned && request.hostname === pinned.host) {
      callback(sameFingerprint(pinFormat(request.certificate.fingerprint), pinned.fingerprint) ? 0 : -2);
      return;
    }
    callback(-3); // Chromium's own verification
  });
  return {
    configure(feed: AppUpdateFeed) {
      pinned = feed.pinnedFingerprint ? { host: new URL(feed.url).hostname, fingerprint: feed.pinnedFingerprint } : null;
      autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
      autoUpdater.requestHeaders = feed.headers;
    },
    async check() {
      await autoUpdater.checkForUpdates();
    },
    quitAndInstall() {
      autoUpdater.quitAndInstall();
    },
    onEvent(listener: (event: UpdaterEvent) => void) {
      autoUpdater.on('checking-for-update', () => listener({ type: 'checking' }));
      autoUpdater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      autoUpdater.on('update-not-available', () => listener({ type: 'not-available' }));
      autoUpdater.on('download-progress', (progress) => listener({ type: 'progress', percent: progress.percent }));
      autoUpdater.on('update-downloaded', (info) => listener({ type: 'downloaded', version: info.version }));
      autoUpdater.on('error', (error) => listener({ type: 'error', message: error.message }));
    },
  };
}
