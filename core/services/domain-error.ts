import type { ApiErrorCode } from '../../shared/contract';

/** A refusal a service raises on purpose; the dispatcher returns it as a typed error result. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal'>,
    message: string,
    /** For validation refusals: each offending path and why. */
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', `${what} ${id} does not exist`);
}
