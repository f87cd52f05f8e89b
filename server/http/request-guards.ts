import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MIN_CLIENT_PROTOCOL_VERSION, PROTOCOL_HEADER } from '../../shared/sync/wire';
import { authenticateToken } from '../accounts/devices';
import { APP_VERSION_HEADER } from '../../shared/app-updates/app-channel';
import { recordDeviceAppVersion } from '../app-updates/device-app-info';
import type { CentralDb } from '../db/central-db';
import { CLIENT_TOO_OLD_MESSAGE, HttpError } from './http-error';
import { malformedPathReason } from './normalize-path';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A /v1 route reachable without a device token (sign-in). */
    public?: boolean;
  }
}

/**
 * Whether the request is for the API. Judged on the matched route when there is one, else on the
 * path as normalised before routing (`normalize-path.ts`), never on the raw target a client wrote.
 */
function isV1(request: FastifyRequest): boolean {
  const path = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
  return path === '/v1' || path.startsWith('/v1/');
}

/** The client's protocol version from its header; null when missing or not a number. */
export function protocolOf(request: FastifyRequest): number | null {
  const raw = request.headers[PROTOCOL_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,6}$/.test(value.trim())) return null;
  return Number.parseInt(value, 10);
}

/**
 * Before a /v1 body is even read: the client must speak a protocol the server still accepts
 * (426 `client_too_old`), and, except on public routes, carry a valid device token (401).
 */
export function installRequestGuards(app: FastifyInstance, db: CentralDb): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const malformed = malformedPathReason(request.raw);
    if (malformed) {
      request.log.info({ url: request.originalUrl, reason: malformed }, 'malformed request path');
      throw new HttpError(400, 'malformed_path', `The request path cannot be read (${malformed}).`);
    }
    if (!isV1(request)) return;
    const protocol = protocolOf(request);
    if (protocol === null || protocol < MIN_CLIENT_PROTOCOL_VERSION) throw new HttpError(426, 'client_too_old', CLIENT_TOO_OLD_MESSAGE);
    if (request.routeOptions.config?.public) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([^\s]+)$/i.exec(header);
    if (!match) throw new HttpError(401, 'unauthorized', 'Sign in first: this request carries no device token.');
    const result = await authenticateToken(db, match[1]!);
    if (!result.ok) throw new HttpError(401, result.code, result.message);
    request.principal = result.principal;
    // The desktop's version, for the device list: written only when it changed.
    const appVersion = request.headers[APP_VERSION_HEADER];
    if (typeof appVersion === 'string' && appVersion !== result.appVersion)
      await recordDeviceAppVersion(db, result.principal.deviceId, appVersion);
  });
}
