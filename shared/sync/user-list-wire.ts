import { z } from 'zod';
import { roleSchema } from '../domain/enums';

/**
 * `GET /v1/users`: the server's enabled technicians, for a release manager or administrator
 * choosing who works at a site. Technicians may not list users (403).
 */
export const serverUserEntrySchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type ServerUserEntry = z.infer<typeof serverUserEntrySchema>;

export const userListResponseSchema = z.object({ users: z.array(serverUserEntrySchema) });
export type UserListResponse = z.infer<typeof userListResponseSchema>;
