import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER } from '../shared/contract/bridge';
import { apiError, type ApiError } from '../shared/contract/api-error';

/** The origins the browser shell accepts: its own address on loopback, nothing else. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks an API request before its body is read: the Host header must be ours (no DNS rebinding),
 * an Origin, when sent, must be ours, and the per-launch token must match.
 */
export function guardApiRequest(req: IncomingMessage, port: number, token: string): { status: number; error: ApiError } | null {
  const origins = allowedOrigins(port);
  const host = req.headers.host ?? '';
  if (!origins.some((o) => o.endsWith(`//${host}`))) {
    return { status: 403, error: apiError('forbidden', `Requests must address this host on loopback, not "${host.slice(0, 100)}"`) };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.includes(origin)) {
    return { status: 403, error: apiError('forbidden', `Origin ${origin.slice(0, 100)} is not allowed`) };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { status: 403, error: apiError('forbidden', 'Cross-site requests are not allowed') };
  }
  const given = req.headers[TOKEN_HEADER];
  if (typeof given !== 'string' || !sameToken(given, token)) {
    return {
      status: 401,
      error: apiError('unauthorized', 'Missing or wrong session token: open Outpost from the address it printed at start'),
    };
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    return { status: 415, error: apiError('validation', 'Send the call as application/json') };
  }
  return null;
}
