// Without zod on purpose: the browser host answers (and refuses) calls with these before the core,
// and the contract's schemas with it, has loaded.

/** Every failure a call can return. A call never crashes its caller; it returns one of these. */
export const API_ERROR_CODES = [
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
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For validation errors: the offending paths and messages. */
  issues?: { path: string; message: string }[] | undefined;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function apiError(code: ApiErrorCode, message: string, issues?: ApiError['issues']): ApiError {
  return issues ? { code, message, issues } : { code, message };
}

/** Largest request body either transport accepts. */
export const API_MAX_PAYLOAD_BYTES = 256 * 1024;
