import { getProfile } from '../services/profile-service';
import { DomainError } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';

/** Refuses plan authoring unless the local profile is a release manager or an administrator. */
export function requireAuthor(ctx: ServiceContext): void {
  const profile = getProfile(ctx.db);
  if (!profile) throw new DomainError('no_profile', 'Create a local profile first');
  if (profile.role !== 'release_manager' && profile.role !== 'administrator') {
    throw new DomainError('forbidden', 'Only a release manager or an administrator can edit the plan');
  }
}

/** A validation refusal on one field. */
export function invalid(path: string, message: string): DomainError {
  return new DomainError('validation', message, [{ path, message }]);
}

/** Keeps only the keys that were given (undefined means "leave as is"). */
export function given<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
