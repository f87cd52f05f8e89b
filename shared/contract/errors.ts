import { z } from 'zod';

/** Every failure a call can return. A call never crashes its caller; it returns one of these. */
export const apiErrorCodeSchema = z.enum([
  'validation', // the input does not match the method's schema
  'unknown_method',
  'not_found',
  'rule', // a domain rule refused the change (e.g. completing a phase with open required items)
  'conflict',
  'no_profile', // a change was attempted before a local profile exists
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'async_method', // an action (network) method was sent to the synchronous dispatch; use `call`
  'offline', // the central server could not be reached
  'client_too_old', // the central server no longer accepts this version of Outpost
  'rate_limited', // the central server asks to wait before trying again
  'server_error', // the central server answered with an unexpected error
  'untrusted_server', // not sent: http:// to another computer, or a server certificate this device has not trusted (or that changed)
  'internal',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const apiErrorSchema = z.object({
  code: apiErrorCodeSchema,
  message: z.string(),
  /** For validation errors: the offending paths and messages. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function apiError(code: ApiErrorCode, message: string, issues?: ApiError['issues']): ApiError {
  return issues ? { code, message, issues } : { code, message };
}
