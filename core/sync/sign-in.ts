import os from 'node:os';
import type { SyncAccount } from '../../shared/contract/sync-methods';
import { DomainError } from '../services/domain-error';
import { setProfile } from '../services/profile-service';
import { addRegisteredKey } from '../signoff/registered-keys';
import { signingKeyRegistration } from './device-key-sync';
import { countPendingOperations } from './outbox-store';
import { checkAborted, serverClient, TOKEN_SECRET_KEY, type SyncDeps } from './sync-deps';
import { SyncError } from './sync-error';
import { checkServerAddress, type ServerAddress } from '../../shared/sync/server-address';
import { normalizeFingerprint, pinCertificate, readPinnedCertificate } from './server-certificates';
import { inspectServer } from './server-trust';
import { forgetServer, readAccount, writeAccount } from './sync-store';

export interface SignInInput {
  serverUrl: string;
  username: string;
  password: string;
  deviceName?: string | undefined;
  /** The certificate fingerprint the person compared and trusts (first sign-in, or after it changed). */
  trustCertificate?: string | undefined;
}

/** The address requests are built on; http:// to another computer is refused before any connection. */
export function normalizeServerUrl(url: string): string {
  const address = checkServerAddress(url);
  if (!address.ok) throw new SyncError('untrusted_server', address.message);
  return address.url;
}

/**
 * The certificate the sign-in request must meet: the one the person just confirmed, else the pin.
 * Neither (a first sign-in nobody compared): refused, showing the fingerprint to compare. The TLS
 * handshake that reads it sends nothing.
 */
async function certificateForSignIn(
  deps: SyncDeps,
  serverUrl: string,
  confirmed: string | undefined,
  signal: AbortSignal,
): Promise<{ fingerprint?: string; pinNew: boolean }> {
  const address = checkServerAddress(serverUrl);
  if (!address.ok || !address.secure) return { pinNew: false };
  const pinned = readPinnedCertificate(deps.sqlite, address.origin);
  if (confirmed) return { fingerprint: normalizeFingerprint(confirmed), pinNew: normalizeFingerprint(confirmed) !== pinned?.fingerprint };
  if (pinned) return { fingerprint: pinned.fingerprint, pinNew: false };
  const check = await inspectServer(deps.sqlite, serverUrl, signal, deps.requestTimeoutMs);
  throw new SyncError(
    'untrusted_server',
    `First sign-in to ${address.url}: this device does not know its certificate yet. Its SHA-256 fingerprint is ${check.certificate?.fingerprint ?? '(none)'}. ` +
      'Compare it with the one your administrator gave you (outpost server cert create prints it), then sign in trusting it.',
  );
}

/**
 * Signs the device in once: the device token goes to the secret store (never SQLite), the account
 * to `sync_account`, and the local profile takes the account's display name and role so names
 * match site assignments. Signing in again as the same user at the same server (after a revoked
 * token) keeps the outbox and cursors; another account needs a sign-out first.
 */
/** A stored account's address in today's normal form (older versions kept it as typed). */
function sameServer(stored: string): string {
  const address = checkServerAddress(stored);
  return address.ok ? address.url : stored;
}

export async function signIn(deps: SyncDeps, input: SignInInput, signal: AbortSignal): Promise<SyncAccount> {
  const serverUrl = normalizeServerUrl(input.serverUrl);
  const existing = readAccount(deps.sqlite);
  if (
    existing &&
    (sameServer(existing.serverUrl) !== serverUrl || existing.username.toLowerCase() !== input.username.trim().toLowerCase())
  ) {
    throw new DomainError('rule', `This device is signed in as ${existing.username} at ${existing.serverUrl}: sign out first`);
  }
  const certificate = await certificateForSignIn(deps, serverUrl, input.trustCertificate, signal);
  checkAborted({ signal });
  const client = serverClient(deps, serverUrl, signal, null, certificate.fingerprint ? { fingerprint: certificate.fingerprint } : {});
  const signingKey = signingKeyRegistration(deps.secrets, input.username);
  const answer = await client.signIn(
    input.username.trim(),
    input.password,
    input.deviceName?.trim() || os.hostname() || 'Outpost desktop',
    signingKey,
  );
  checkAborted({ signal });
  const account: SyncAccount = {
    serverUrl,
    username: answer.user.username,
    displayName: answer.user.displayName,
    role: answer.user.role,
    deviceId: answer.deviceId,
    signedInAt: deps.clock.now(),
  };
  deps.secrets.set(TOKEN_SECRET_KEY, answer.token);
  deps.sqlite.transaction(() => {
    writeAccount(deps.sqlite, account);
    if (answer.signingKey) addRegisteredKey(deps.sqlite, [answer.signingKey], account.signedInAt);
    setProfile(deps.db, deps.clock, { name: account.displayName, role: account.role });
    // Pinned only once the server behind that certificate accepted the account.
    if (certificate.pinNew && certificate.fingerprint) {
      const origin = (checkServerAddress(serverUrl) as ServerAddress).origin;
      pinCertificate(deps.sqlite, {
        origin,
        fingerprint: certificate.fingerprint,
        subject: '',
        trustedAt: deps.clock.now(),
        trustedBy: account.username,
      });
    }
  })();
  return account;
}

/**
 * Signs out: refused while changes wait in the outbox unless `discardPending`; revokes the device on
 * the server when it can be reached (an unreachable server or an already revoked token does not
 * stop the sign-out); deletes the token. The outbox (if kept) and the synced deployments stay.
 */
export async function signOut(deps: SyncDeps, discardPending: boolean, signal: AbortSignal): Promise<{ revoked: boolean }> {
  const account = readAccount(deps.sqlite);
  const pending = countPendingOperations(deps.sqlite);
  if (account && pending > 0 && !discardPending) {
    throw new DomainError(
      'rule',
      `${pending} change${pending === 1 ? ' has' : 's have'} not reached the server yet: sync first, or sign out discarding them`,
    );
  }
  let revoked = false;
  const token = deps.secrets.get(TOKEN_SECRET_KEY);
  if (account && token) {
    try {
      await serverClient(deps, account.serverUrl, signal, token).signOut();
      revoked = true;
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
    }
    checkAborted({ signal });
  }
  deps.sqlite.transaction(() => {
    if (discardPending) deps.sqlite.exec('DELETE FROM sync_outbox');
    forgetServer(deps.sqlite);
  })();
  deps.secrets.delete(TOKEN_SECRET_KEY);
  return { revoked };
}
