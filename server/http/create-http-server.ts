import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/wire';

/** JSON bodies: a push batch is at most 1 MB of operations; leave room for the envelope. */
export const JSON_BODY_LIMIT = 1.5 * 1024 * 1024;

export interface HttpServerOptions {
  /** pino level; default `OUTPOST_LOG_LEVEL` or info. */
  logLevel?: string;
  /** Trust X-Forwarded-For from a reverse proxy (the rate limit then counts the client's address). */
  trustProxy?: boolean;
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
      redact: { paths: ['req.headers.authorization', 'headers.authorization', 'request.headers.authorization'], censor: '[redacted]' },
    },
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => randomUUID(),
    // Finish requests in flight on close, drop idle keep-alive connections, answer 503 to new ones.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  // A response finished while closing ends its keep-alive connection, so close() does not wait
  // for the client's idle connection to time out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: BLOB_CHUNK_BYTES }, (_request, body, done) => done(null, body));
  return app;
}
