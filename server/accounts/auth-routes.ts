import type { FastifyInstance } from 'fastify';
import { LATEST_CENTRAL_SCHEMA_VERSION } from '../../migrations/central';
import { MIN_CLIENT_PROTOCOL_VERSION, signInRequestSchema, SYNC_PROTOCOL_VERSION, type SignInResponse } from '../../shared/sync/wire';
import type { CentralDb } from '../db/central-db';
import { CLIENT_TOO_OLD_MESSAGE, HttpError } from '../http/http-error';
import { requirePrincipal } from '../http/principal';
import { registerDeviceKey } from './device-keys';
import { issueDevice, revokeDevice } from './devices';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hash';
import { markSignInSucceeded, reserveSignInAttempt } from './sign-in-rate-limit';
import { findUserByUsername, publicUser, replacePasswordHash } from './users';

const BAD_CREDENTIALS = 'Wrong user name or password.';

/** Sign-in (issues a device token), sign-out (revokes the calling device) and `GET /v1/me`. */
export function registerAuthRoutes(app: FastifyInstance, db: CentralDb): void {
  app.post('/v1/auth/sign-in', { config: { public: true } }, async (request) => {
    const input = signInRequestSchema.parse(request.body as unknown);
    if (input.protocolVersion < MIN_CLIENT_PROTOCOL_VERSION) throw new HttpError(426, 'client_too_old', CLIENT_TOO_OLD_MESSAGE);
    const address = request.ip;
    // The attempt takes its slot before the password is checked (atomically with the limit), so
    // concurrent sign-ins cannot all slip past it.
    const slot = await reserveSignInAttempt(db, input.username, address);
    if (!slot.ok) {
      request.log.warn({ username: input.username, address }, 'sign-in rate limited');
      throw new HttpError(
        429,
        'rate_limited',
        `Too many failed sign-ins: try again in ${Math.ceil(slot.retryAfter / 60)} min.`,
        undefined,
        {
          'retry-after': String(slot.retryAfter),
        },
      );
    }
    const user = await findUserByUsername(db, input.username);
    // A disabled account is refused before its password is checked, with the answer a wrong password
    // gets (and the dummy hash's time): the refusal says neither that the password was right nor that
    // the account is disabled (docs/server.md, "Disabled accounts").
    const usable = user && !user.disabledAt ? user : null;
    const passwordOk = usable ? await verifyPassword(input.password, usable.passwordHash) : await verifyAgainstDummy(input.password);
    if (!usable || !passwordOk) {
      request.log.info({ username: input.username, address, disabled: Boolean(user?.disabledAt) }, 'sign-in refused');
      throw new HttpError(401, 'bad_credentials', BAD_CREDENTIALS);
    }
    // Stored with older scrypt parameters: replaced now that the password is known (hashed before
    // the transaction, which on PGlite holds the only connection).
    const rehashed = needsRehash(usable.passwordHash) ? await hashPassword(input.password) : null;
    const device = await db.transaction(async (tx) => {
      await markSignInSucceeded(tx, slot.attemptId);
      if (rehashed) await replacePasswordHash(tx, usable.id, usable.passwordHash, rehashed);
      const issued = await issueDevice(tx, usable.id, input.deviceName);
      const signingKey = input.signingKey
        ? await registerDeviceKey(tx, { userId: usable.id, username: usable.username, deviceId: issued.deviceId }, input.signingKey)
        : undefined;
      return { ...issued, signingKey };
    });
    request.log.info(
      { username: usable.username, deviceId: device.deviceId, signingKey: device.signingKey?.fingerprint ?? null },
      'device signed in',
    );
    const body: SignInResponse = {
      deviceId: device.deviceId,
      token: device.token,
      user: publicUser(usable),
      protocolVersion: SYNC_PROTOCOL_VERSION,
      schemaVersion: LATEST_CENTRAL_SCHEMA_VERSION,
      ...(device.signingKey ? { signingKey: device.signingKey } : {}),
    };
    return body;
  });

  app.post('/v1/auth/sign-out', async (request, reply) => {
    const principal = requirePrincipal(request);
    await revokeDevice(db, principal.deviceId);
    request.log.info({ username: principal.username, deviceId: principal.deviceId }, 'device signed out');
    return reply.code(204).send();
  });

  app.get('/v1/me', async (request) => {
    const p = requirePrincipal(request);
    return {
      user: { id: p.userId, username: p.username, displayName: p.displayName, role: p.role },
      deviceId: p.deviceId,
      deviceName: p.deviceName,
    };
  });
}
