import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { apiContract, apiError, isApiMethod, type ApiMethod, type ApiResult } from '../../shared/contract';
import { describeRoles, EVERY_ROLE, roleMay } from '../../shared/domain/role-access';
import type { Logger } from '../logging/logger';
import { DomainError } from '../services/domain-error';
import { getProfile } from '../services/profile-service';
import type { ServiceContext } from '../services/service-context';
import type { Handlers } from './handlers';

export type Dispatch = (method: unknown, input: unknown) => ApiResult<unknown>;
/** Every method, synchronous or not: resolves to a typed result, never rejects. */
export type Call = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

function validationIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));
}

type Parsed = { ok: true; method: ApiMethod; data: unknown } | { ok: false; result: ApiResult<unknown> };

function parseCall(method: unknown, input: unknown): Parsed {
  if (!isApiMethod(method)) {
    return { ok: false, result: { ok: false, error: apiError('unknown_method', `Unknown method: ${String(method).slice(0, 80)}`) } };
  }
  const parsed = apiContract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      result: { ok: false, error: apiError('validation', `Invalid input for ${method}`, validationIssues(parsed.error)) },
    };
  }
  return { ok: true, method, data: parsed.data };
}

/** The method's declared roles (shared/contract) against the local profile's role: a refusal, or undefined. */
function roleRefusal(ctx: ServiceContext, method: ApiMethod): ApiResult<unknown> | undefined {
  const { roles } = apiContract[method];
  if (roles.length === EVERY_ROLE.length) return undefined;
  const profile = getProfile(ctx.db);
  if (!profile) return { ok: false, error: apiError('no_profile', 'Create a local profile first') };
  if (roleMay(profile.role, roles)) return undefined;
  return { ok: false, error: apiError('forbidden', `Only ${describeRoles(roles)} may do this: ${apiContract[method].summary}`) };
}

function isAsync(method: ApiMethod): boolean {
  return (apiContract[method] as { async?: boolean }).async === true;
}

/**
 * The one entry point of the core: parses the untrusted input with the contract, runs the handler
 * (a change inside one SQLite transaction, committed before the result returns) and turns every
 * failure into a typed error result. It never throws. Action methods (network) are refused here
 * with `async_method`: they go through `createCaller`.
 */
export function createDispatcher(ctx: ServiceContext, sqlite: Database.Database, handlers: Handlers, log: Logger): Dispatch {
  return (method, input) => {
    // Who may call it, before its input is even read.
    const refused = isApiMethod(method) ? roleRefusal(ctx, method) : undefined;
    if (refused) return refused;
    const parsed = parseCall(method, input);
    if (!parsed.ok) return parsed.result;
    const name = parsed.method;
    if (isAsync(name)) {
      return { ok: false, error: apiError('async_method', `${name} waits on the network; call it through the asynchronous path`) };
    }
    const definition = apiContract[name];
    const handler = handlers[name] as (c: ServiceContext, i: unknown) => unknown;
    try {
      const value = definition.mutates ? sqlite.transaction(() => handler(ctx, parsed.data))() : handler(ctx, parsed.data);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toApiError(name, error, log) };
    }
  };
}

/**
 * The asynchronous entry point both transports use: synchronous methods go through `dispatch`
 * unchanged, action methods run their handler (which manages its own transactions) and are awaited.
 * Resolves to a typed result; never rejects.
 */
export function createCaller(ctx: ServiceContext, dispatch: Dispatch, handlers: Handlers, log: Logger): Call {
  return async (method, input) => {
    const refused = isApiMethod(method) ? roleRefusal(ctx, method) : undefined;
    if (refused) return refused;
    const parsed = parseCall(method, input);
    if (!parsed.ok) return parsed.result;
    const name = parsed.method;
    if (!isAsync(name)) return dispatch(name, input);
    const handler = handlers[name] as (c: ServiceContext, i: unknown) => Promise<unknown>;
    try {
      return { ok: true, value: await handler(ctx, parsed.data) };
    } catch (error) {
      return { ok: false, error: toApiError(name, error, log) };
    }
  };
}

function toApiError(method: ApiMethod, error: unknown, log: Logger) {
  if (error instanceof DomainError) return apiError(error.code, error.message, error.issues);
  const message = error instanceof Error ? error.message : String(error);
  log.error('call failed', { method, message, stack: error instanceof Error ? error.stack : undefined });
  return apiError('internal', `${method} failed: ${message}`);
}
