import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/domain/enums';

/** Who is calling: the signed-in user and the device whose token authenticated the request. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  deviceId: string;
  deviceName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every authenticated /v1 route. */
    principal: Principal | null;
  }
}

/** The caller of an authenticated route. Throws (500) when used on a route the auth hook does not cover: a programming error. */
export function requirePrincipal(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw new Error(`No authenticated principal on ${request.method} ${request.url}`);
  return principal;
}
