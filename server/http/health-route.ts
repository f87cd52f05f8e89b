import type { FastifyInstance } from 'fastify';
import { MIN_CLIENT_PROTOCOL_VERSION, SYNC_PROTOCOL_VERSION, type HealthResponse } from '../../shared/sync/wire';
import type { CentralDb } from '../db/central-db';
import { centralSchemaVersion } from '../db/migrate-central';

/** `GET /health`: no authentication; `degraded` (503) when the database does not answer. */
export function registerHealthRoute(app: FastifyInstance, db: CentralDb): void {
  app.get('/health', async (request, reply) => {
    let schemaVersion = 0;
    let status: HealthResponse['status'] = 'ok';
    try {
      schemaVersion = await centralSchemaVersion(db);
    } catch (error) {
      request.log.warn({ err: error }, 'health: the database does not answer');
      status = 'degraded';
    }
    const body: HealthResponse = {
      status,
      database: db.kind,
      schemaVersion,
      protocolVersion: SYNC_PROTOCOL_VERSION,
      minClientProtocolVersion: MIN_CLIENT_PROTOCOL_VERSION,
    };
    return reply.code(status === 'ok' ? 200 : 503).send(body);
  });
}
