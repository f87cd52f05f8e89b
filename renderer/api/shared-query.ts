import type { ApiInput, ApiMethod, ApiOutput, ApiResult } from '../../shared/contract';
import { call } from './client';
import { useRefreshStore } from './refresh';

const inFlight = new Map<string, Promise<ApiResult<unknown>>>();
const prefetched = new Map<string, Promise<ApiResult<unknown>>>();

const prefetchKey = (method: ApiMethod, input: unknown) => `${method}:${JSON.stringify(input)}`;
/** An answer nobody took by then is dropped: it would be stale. */
const PREFETCH_KEEP_MS = 5000;
// So is every one once something changed (a bumped topic); and a read started before that change
// is not joined by one asked after it (which would get the old answer and never ask again).
useRefreshStore.subscribe(() => {
  prefetched.clear();
  inFlight.clear();
});

/** Forgets `request` as the in-flight read of `key`, unless a newer read has taken its place. */
const settle = (key: string, request: Promise<ApiResult<unknown>>) => {
  if (inFlight.get(key) === request) inFlight.delete(key);
};

/**
 * Starts a read before any component asks for it (the first screen's, while React is still
 * starting). Its answer goes once to the first `sharedQuery` of the same method and input;
 * later reads go to the core again.
 */
export function prefetchQuery<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
  const key = prefetchKey(method, input);
  const request = call(method, input) as Promise<ApiResult<unknown>>;
  prefetched.set(key, request);
  setTimeout(() => {
    if (prefetched.get(key) === request) prefetched.delete(key);
  }, PREFETCH_KEEP_MS);
  return request as Promise<ApiResult<ApiOutput<M>>>;
}

/** Drops an early read nobody took (its answer no longer fits), so the next read asks again. */
export function dropPrefetched(request: Promise<unknown>): void {
  for (const [key, early] of prefetched) if (early === request) prefetched.delete(key);
}

/**
 * A read that several components ask for at the same moment (the navigator and the overview
 * both want the site list) goes to the core once; later reads go again. Only for queries.
 */
export function sharedQuery<M extends ApiMethod>(method: M, input: ApiInput<M>, key: string): Promise<ApiResult<ApiOutput<M>>> {
  const pending = inFlight.get(key);
  if (pending) return pending as Promise<ApiResult<ApiOutput<M>>>;
  const early = prefetched.get(prefetchKey(method, input));
  if (early) {
    prefetched.delete(prefetchKey(method, input));
    inFlight.set(key, early);
    void early.finally(() => settle(key, early));
    return early as Promise<ApiResult<ApiOutput<M>>>;
  }
  const request: Promise<ApiResult<unknown>> = call(method, input);
  inFlight.set(key, request);
  void request.finally(() => settle(key, request));
  return request as Promise<ApiResult<ApiOutput<M>>>;
}
