/** A refusal with an HTTP status and a stable error code; the error handler turns it into `errorBodySchema`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Extra top-level fields of the error response (e.g. `status` with a blob's upload status). */
    readonly extra?: Record<string, unknown>,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const CLIENT_TOO_OLD_MESSAGE = 'This Outpost is too old for the server: update it. Your unsent changes are kept.';
