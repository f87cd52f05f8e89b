import type { FastifyInstance } from 'fastify';
import type { UserListResponse } from '../../shared/sync/user-list-wire';
import type { CentralDb } from '../db/central-db';
import { HttpError } from '../http/http-error';
import { requirePrincipal } from '../http/principal';

/**
 * `GET /v1/users`: the enabled technicians, for the site editor's technician picker (release
 * managers and administrators only). A site names a technician by the id listed here.
 */
export function registerUserListRoute(app: FastifyInstance, db: CentralDb): void {
  app.get('/v1/users', async (request): Promise<UserListResponse> => {
    const principal = requirePrincipal(request);
    if (principal.role === 'technician')
      throw new HttpError(403, 'forbidden', "Only release managers and administrators list the server's users.");
    const rows = await db.query<{ id: string; username: string; display_name: string; role: 'technician' }>(
      "SELECT id::text AS id, username, display_name, role FROM users WHERE disabled_at IS NULL AND role = 'technician' ORDER BY lower(display_name), username",
    );
    return { users: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role })) };
  });
}
