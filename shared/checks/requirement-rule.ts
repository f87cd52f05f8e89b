import { isRequirementKind, requirementParamsSchemas } from './requirement-kinds';
import { sensitivePathReason } from './sensitive-paths';

/**
 * Why a `requirements` row (kind + params JSON text) may not be stored, or null. The one rule for
 * the desktop's authoring, the server's check of pushed rows and site report files: an unknown
 * kind, params that are not a JSON object, or params its schema refuses (including a path that
 * holds secrets, see sensitive-paths.ts).
 */
export function requirementRowProblem(kind: string, params: string): string | null {
  if (!isRequirementKind(kind)) return `Unknown requirement kind "${kind.slice(0, 40)}"`;
  let value: unknown;
  try {
    value = JSON.parse(params);
  } catch {
    return 'Requirement params are not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'Requirement params must be a JSON object';
  const parsed = requirementParamsSchemas[kind].safeParse(value);
  if (parsed.success) return null;
  return `Invalid ${kind} requirement: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'params'}: ${i.message}`).join('; ')}`;
}

/**
 * Why a pushed or pulled `requirements` row must be refused whatever the version of the reader: a
 * file requirement on a path that holds secrets. (Other invalid params are stored and reported as
 * errors when evaluated, so a newer plan's kinds do not wedge an older device.)
 */
export function requirementSecretPathProblem(kind: unknown, params: unknown): string | null {
  if (kind !== 'file' || typeof params !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(params);
  } catch {
    return null;
  }
  const path = typeof value === 'object' && value !== null ? (value as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? sensitivePathReason(path) : null;
}
