import { DomainError } from '../services/domain-error';

// Who may author the plan is declared with each method (managersOnly in shared/contract) and enforced by the dispatcher.

/** A validation refusal on one field. */
export function invalid(path: string, message: string): DomainError {
  return new DomainError('validation', message, [{ path, message }]);
}

/** Keeps only the keys that were given (undefined means "leave as is"). */
export function given<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
