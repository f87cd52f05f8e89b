import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pullRequestSchema, pushRequestSchema, PUSH_MAX_BYTES, type PushResponse } from '../../shared/sync/wire';
import { HttpError } from '../http/http-error';
import { requirePrincipal } from '../http/principal';
import { canReadPartition, readablePartitions } from './access-rules';
import { pullChangesJson } from './pull-engine';
import { pushOperations } from './push-engine';
import { registerQuarantineRoute } from './quarantine-reports';
import type { SyncDb } from './sync-db';

/**
 * The sync endpoints (docs/sync-protocol.md). Authentication and the protocol header are checked
 * by the app's request guards before a body is read; bodies are parsed from unknown with the wire
 * schemas (a ZodError becomes 400 `validation` with its issues).
 */
export interface SyncRouteDeps {
  db: SyncDb;
  log: FastifyBaseLogger;
}

/** A push body may exceed the client's 1 MB batch budget by this much (JSON framing, a large last operation). */
export const PUSH_BODY_SLACK_BYTES = 256 * 1024;

export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): void {
  const { db, log } = deps;

  app.post('/v1/sync/push', { bodyLimit: PUSH_MAX_BYTES + PUSH_BODY_SLACK_BYTES }, async (request): Promise<PushResponse> => {
    const principal = requirePrincipal(request);
    const body = pushRequestSchema.parse(request.body);
    const started = performance.now();
    const results = await pushOperations(db, principal, body.operations);
    const counts = { applied: 0, duplicate: 0, rejected: 0 };
    for (const result of results) counts[result.status]++;
    log.info(
      {
        deviceId: principal.deviceId,
        user: principal.username,
        operations: results.length,
        ...counts,
        ms: Math.round(performance.now() - started),
      },
      'sync push',
    );
    return { results, serverTime: new Date().toISOString() };
  });

  app.post('/v1/sync/partitions', async (request) => {
    const principal = requirePrincipal(request);
    return { partitions: await readablePartitions(db, principal) };
  });

  app.post('/v1/sync/pull', async (request, reply) => {
    const principal = requirePrincipal(request);
    const body = pullRequestSchema.parse(request.body ?? {});
    if (!(await canReadPartition(db, principal, body.partition))) {
      if (principal.role === 'administrator')
        throw new HttpError(404, 'not_found', `There is no partition ${body.partition} on the server.`);
      throw new HttpError(403, 'forbidden', `You may not read ${body.partition}.`);
    }
    // The page comes as JSON text built by the database (pull-engine.ts): sent as is.
    const page = await pullChangesJson(db, {
      partition: body.partition,
      after: body.after,
      limit: body.limit,
      snapshot: body.snapshot ?? false,
    });
    if (page === null) throw new HttpError(404, 'not_found', `There is no partition ${body.partition} on the server.`);
    return reply.type('application/json; charset=utf-8').send(page);
  });

  registerQuarantineRoute(app, deps);
}
