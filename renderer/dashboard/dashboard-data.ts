import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiResult } from '../../shared/contract';
import type { Dashboard } from '../../shared/contract/dashboard-methods';
import { call } from '../api/client';
import { SYNCED_TOPICS, useTopicsVersion } from '../api/refresh';

/** A prefetched answer older than this is asked for again. */
const FRESH_MS = 10_000;

const prefetched = new Map<string, { at: number; result: Promise<ApiResult<Dashboard>> }>();

/**
 * Asks the core for the dashboard at the click, before the screen changes: the core computes it
 * while the page swaps the overview for the dashboard, instead of after.
 */
export function prefetchDashboard(deploymentId: string): void {
  prefetched.set(deploymentId, { at: Date.now(), result: call('dashboard.get', { deploymentId }) });
}

function takePrefetched(deploymentId: string): Promise<ApiResult<Dashboard>> | null {
  const entry = prefetched.get(deploymentId);
  prefetched.delete(deploymentId);
  return entry && Date.now() - entry.at < FRESH_MS ? entry.result : null;
}

export interface DashboardState {
  data: Dashboard | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** The dashboard of one deployment, fetched again when a data topic changes or on `reload`. */
export function useDashboard(deploymentId: string): DashboardState {
  const version = useTopicsVersion(SYNCED_TOPICS);
  const [manual, setManual] = useState(0);
  const [state, setState] = useState<Omit<DashboardState, 'reload'>>({ data: undefined, error: null, loading: true });

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const request = takePrefetched(deploymentId) ?? call('dashboard.get', { deploymentId });
    void request.then((result) => {
      if (cancelled) return;
      setState((s) =>
        result.ok ? { data: result.value, error: null, loading: false } : { data: s.data, error: result.error, loading: false },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [deploymentId, version, manual]);

  const reload = useCallback(() => setManual((n) => n + 1), []);
  return { ...state, reload };
}
