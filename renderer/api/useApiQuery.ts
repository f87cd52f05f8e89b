import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { sharedQuery } from './shared-query';
import { useTopicsVersion, type Topic } from './refresh';

export interface QueryState<T> {
  /** The last good value for this input (kept while a refresh is in flight). */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the value locally, e.g. with a figure a mutation already returned. */
  setData: (value: T) => void;
}

/**
 * Fetch one query and fetch it again when its input changes or one of its topics is bumped.
 * Pass `null` as input to wait (e.g. nothing selected yet).
 */
export function useApiQuery<M extends ApiMethod>(method: M, input: ApiInput<M> | null, topics: readonly Topic[]): QueryState<ApiOutput<M>> {
  const inputJson = input === null ? null : JSON.stringify(input);
  const key = inputJson === null ? null : `${method}:${inputJson}`;
  const version = useTopicsVersion(topics);
  const [manual, setManual] = useState(0);
  const [state, setState] = useState<{ key: string | null; data: ApiOutput<M> | undefined; error: ApiError | null; loading: boolean }>({
    key,
    data: undefined,
    error: null,
    loading: input !== null,
  });

  // A new input invalidates what we showed for the previous one.
  if (state.key !== key) {
    setState({ key, data: undefined, error: null, loading: key !== null });
  }

  useEffect(() => {
    if (key === null || inputJson === null) return;
    const current = JSON.parse(inputJson) as ApiInput<M>;
    let cancelled = false;
    setState((s) => (s.key === key ? { ...s, loading: true } : s));
    void sharedQuery(method, current, `${key}#${version}:${manual}`).then((result) => {
      if (cancelled) return;
      setState((s) => {
        if (s.key !== key) return s;
        return result.ok
          ? { key, data: result.value, error: null, loading: false }
          : { key, data: s.data, error: result.error, loading: false };
      });
    });
    return () => {
      cancelled = true;
    };
  }, [method, key, inputJson, version, manual]);

  const reload = useCallback(() => setManual((n) => n + 1), []);
  const setData = useCallback((value: ApiOutput<M>) => setState((s) => ({ ...s, data: value, error: null })), []);

  const current = state.key === key ? state : { data: undefined, error: null, loading: key !== null };
  return { data: current.data, error: current.error, loading: current.loading, reload, setData };
}
