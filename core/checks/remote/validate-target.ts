import { SAFE_HOST } from '../../../shared/checks/requirement-kinds';
import type { RemoteTarget } from '../collector-types';

const USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}\$?$/;

/** Refuses target values that are not plainly a host, port and user name, before any connection. */
export function targetProblem(target: RemoteTarget): string | null {
  if (!target || typeof target !== 'object') return 'The target is missing.';
  if (typeof target.host !== 'string' || !SAFE_HOST.test(target.host))
    return 'The host must be a host name or an IP address (no quotes, spaces, ";", "$()" or newlines).';
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535) return 'The port must be a number from 1 to 65535.';
  if (typeof target.username !== 'string' || !USER.test(target.username))
    return 'The user name may hold only letters, digits, "_", "." and "-" (no quotes, spaces, ";", "$()" or newlines).';
  const t = target.timeouts;
  if (!t || ![t.connectMs, t.commandMs, t.overallMs].every((ms) => Number.isFinite(ms) && ms > 0))
    return 'The time limits must be positive numbers.';
  if (!target.auth || !['password', 'key', 'agent', 'keyboard-interactive'].includes(target.auth.kind))
    return 'The sign-in details are missing.';
  if (target.auth.kind === 'agent' && !target.auth.socket) return 'The ssh-agent socket is missing.';
  return null;
}
