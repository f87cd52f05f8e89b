import type { ApiInput, ApiMethod, ApiOutput, ApiResult } from '../../shared/contract';
import { call } from './client';

const inFlight = new Map<string, Promise<ApiResult<unknown>>>();

/**
 * A read that several components ask for at the same moment (the navigator and the overview
 * both want the site list) goes to the core once; later reads go again. Only for queries.
 */
export function sharedQuery<M extends ApiMethod>(method: M, input: ApiInput<M>, key: string): Promise<ApiResult<ApiOutput<M>>> {
  const pending = inFlight.get(key);
  if (pending) return pending as Promise<ApiResult<ApiOutput<M>>>;
  const request = call(method, input).finally(() => inFlight.delete(key));
  inFlight.set(key, request as Promise<ApiResult<unknown>>);
  return request;
}
