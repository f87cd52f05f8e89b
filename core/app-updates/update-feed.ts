import type Database from 'better-sqlite3';
import { APP_VERSION_HEADER, appUpdateInfoSchema, type AppChannel } from '../../shared/app-updates/app-channel';
import { checkServerAddress } from '../../shared/sync/server-address';
import { PROTOCOL_HEADER, SCHEMA_HEADER, SYNC_PROTOCOL_VERSION } from '../../shared/sync/wire';
import type { SecretStore } from '../secrets/secret-store';
import { pinnedFingerprintOf } from '../sync/server-certificates';
import type { FetchLike } from '../sync/server-client';
import { TOKEN_SECRET_KEY } from '../sync/sync-deps';
import { readAccount } from '../sync/sync-store';
import { serverTransport } from '../sync/transport/server-transport';

/**
 * Where the desktop's updater reads its feed: `<server>/v1/app-updates/<channel>` of the server this
 * device is signed in to, with the headers every /v1 request carries (device token, protocol) and
 * the app version, which the server records for its device list. The channel is the one an
 * administrator chose for this device, asked of the server at each check.
 */
export interface AppUpdateFeed {
  /** electron-updater's generic provider `url` (the feed directory). */
  url: string;
  channel: AppChannel;
  headers: Record<string, string>;
  /** The certificate pinned for an https:// server (SHA-256, as sync pins it), or null. */
  pinnedFingerprint: string | null;
}

export interface UpdateFeedDeps {
  sqlite: Database.Database;
  secrets: SecretStore;
  schemaVersion: number;
  appVersion: string;
  /** Plain-http loopback servers only (tests); https:// always goes through the pinned transport. */
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** The feed of this device, or null when it is not signed in. Throws when the server cannot be asked. */
export async function resolveUpdateFeed(deps: UpdateFeedDeps): Promise<AppUpdateFeed | null> {
  const account = readAccount(deps.sqlite);
  const token = deps.secrets.get(TOKEN_SECRET_KEY);
  if (!account || !token) return null;
  const base = account.serverUrl.replace(/\/+$/, '');
  const address = checkServerAddress(base);
  if (!address.ok) throw new Error(address.message);
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
    [SCHEMA_HEADER]: String(deps.schemaVersion),
    [APP_VERSION_HEADER]: deps.appVersion,
  };
  const https = /^https:/i.test(base);
  const doFetch: FetchLike = https ? serverTransport(deps.sqlite, base) : (deps.fetch ?? ((input, init) => fetch(input, init)));
  const response = await doFetch(`${base}/v1/app-updates`, {
    method: 'GET',
    headers,
    signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
  });
  if (!response.ok) throw new Error(`The server refused the update check (HTTP ${response.status})`);
  const info = appUpdateInfoSchema.parse(await response.json());
  return {
    url: `${base}${info.feedPath}`,
    channel: info.channel,
    headers,
    pinnedFingerprint: https ? pinnedFingerprintOf(deps.sqlite, base) : null,
  };
}
