import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { apiContract, apiError, isApiMethod, type ApiMethod, type ApiResult } from '../../shared/contract';
import type { Logger } from '../logging/logger';
import { DomainError } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';
import type { Handlers } from './handlers';

export type Dispatch = (method: unknown, input: unknown) => ApiResult<unknown>;

function validationIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
}

/**
 * The one entry point of the core: parses the untrusted input with the contract, runs the handler
 * (a change inside one SQLite transaction, committed before the result returns) and turns every
 * failure into a typed error result. It never throws.
 */
export function createDispatcher(ctx: ServiceContext, sqlite: Database.Database, handlers: Handlers, log: Logger): Dispatch {
  return (method, input) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: apiError('unknown_method', `Unknown method: ${String(method).slice(0, 80)}`) };
    }
    const definition = apiContract[method];
    const parsed = definition.input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: apiError('validation', `Invalid input for ${method}`, validationIssues(parsed.error)) };
    }
    const handler = handlers[method] as (c: ServiceContext, i: unknown) => unknown;
    try {
      const value = definition.mutates ? sqlite.transaction(() => handler(ctx, parsed.data))() : handler(ctx, parsed.data);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toApiError(method, error, log) };
    }
  };
}

function toApiError(method: ApiMethod, error: unknown, log: Logger) {
  if (error instanceof DomainError) return apiError(error.code, error.message, error.issues);
  const message = error instanceof Error ? error.message : String(error);
  log.error('call failed', { method, message, stack: error instanceof Error ? error.stack : undefined });
  return apiError('internal', `${method} failed: ${message}`);
}
