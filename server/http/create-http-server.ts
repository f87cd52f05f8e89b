import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/wire';
import { normalizeRequestUrl } from './normalize-path';

/** JSON bodies: a push batch is at most 1 MB of operations; leave room for the envelope. */
export const JSON_BODY_LIMIT = 1.5 * 1024 * 1024;
/** How often a closing server drops keep-alive connections that turned idle. */
const IDLE_SWEEP_MS = 50;

export interface HttpServerOptions {
  /** pino level; default `OUTPOST_LOG_LEVEL` or info. */
  logLevel?: string;
  /**
   * How many reverse proxies stand in front of the server: the client's address is taken from
   * X-Forwarded-For that many hops from the right (0 or unset: the socket's address). Only the
   * proxies' own entries are trusted; whatever a client wrote on the left is ignored.
   */
  trustProxy?: number;
  /** Where the JSON log lines go (default stdout). */
  logDestination?: { write(line: string): void };
  /** Serve HTTPS with this certificate and key (PEM); plain HTTP when unset. */
  tls?: { cert: string; key: string };
}

/**
 * X-Forwarded-For trust by hop count, as proxy-addr counts: the socket peer is hop 0, the right-most
 * header entry hop 1, and so on; the first untrusted hop is the client. Never `true` (that takes the
 * left-most entry, which any client writes), and a function rather than Fastify's number (which
 * this Fastify release treats as "trust nothing"). The server must then be reachable only through
 * those proxies (docs/server.md).
 */
export function trustHops(hops: number): false | ((address: string, hop: number) => boolean) {
  if (!Number.isInteger(hops) || hops <= 0) return false;
  return (_address, hop) => hop < hops;
}

/**
 * The Fastify instance, before routes: JSON logs (pino) with the Authorization header redacted,
 * body limits, a request id per request, and a raw-bytes parser for blob chunks.
 */
export function createHttpServer(options: HttpServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? process.env.OUTPOST_LOG_LEVEL ?? 'info',
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      ...(options.logDestination ? { stream: options.logDestination } : {}),
      redact: { paths: ['req.headers.authorization', 'headers.authorization', 'request.headers.authorization'], censor: '[redacted]' },
    },
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: trustHops(options.trustProxy ?? 0),
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' as const } } : {}),
    rewriteUrl: normalizeRequestUrl,
    genReqId: () => randomUUID(),
    // Finish requests in flight on close, drop idle keep-alive connections, answer 503 to new ones.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }) as unknown as FastifyInstance; // an HTTPS instance has the same API as the HTTP one
  // A response finished while closing ends its keep-alive connection, so close() does not wait
  // for the client's idle connection to time out. A response that was already on its way when
  // closing began (a streamed attachment whose client has every byte) leaves a keep-alive
  // connection that turns idle only afterwards: idle connections are swept until the close ends.
  let closing = false;
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = true;
    sweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
    sweep.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(sweep);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: BLOB_CHUNK_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  return app;
}
