import { useCallback, useEffect, useRef, useState } from 'react';
import type { InventoryState } from '../../../shared/domain/enums';
import type { InventoryItem } from '../../../shared/domain/inventory';
import { call } from '../../api/client';
import { useTopicsVersion } from '../../api/refresh';
import type { ApiError } from '../../../shared/contract';

export const INVENTORY_PAGE_SIZE = 500;

export type InventoryStateFilter = InventoryState | 'surplus' | null;

export interface InventoryQuery {
  siteId: string;
  query: string;
  state: InventoryStateFilter;
}

interface Cache {
  key: string;
  total: number | null;
  pages: Map<number, InventoryItem[]>;
  /** Pages shown from before the last refresh; fetched again when they come into view. */
  stale: Set<number>;
  /** `${generation}:${page}` of requests in flight. */
  pending: Set<string>;
  generation: number;
  error: ApiError | null;
}

function emptyCache(key: string): Cache {
  return { key, total: null, pages: new Map(), stale: new Set(), pending: new Set(), generation: 0, error: null };
}

export interface PagedInventory {
  /** Row count of the whole filtered list; null until the first page answered. */
  total: number | null;
  /** The row at an index, or undefined while its page loads. */
  rowAt: (index: number) => InventoryItem | undefined;
  /** Make sure the pages covering [first, last] are loaded (or loading). */
  ensureRange: (first: number, last: number) => void;
  /** Changes whenever a page arrives; use it as an effect dependency. */
  version: number;
  loading: boolean;
  error: ApiError | null;
  retry: () => void;
}

/**
 * A server-side paged inventory list for a virtualized table. Pages of 500 rows are fetched
 * on demand for the visible range and cached per filter; a refresh of the 'inventory' topic
 * marks loaded pages stale (they stay on screen) and refetches them as they are shown.
 */
export function usePagedInventory({ siteId, query, state }: InventoryQuery): PagedInventory {
  const key = JSON.stringify([siteId, query, state]);
  const refreshVersion = useTopicsVersion(['inventory']);
  const cacheRef = useRef<Cache>(emptyCache(key));
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  if (cacheRef.current.key !== key) cacheRef.current = emptyCache(key);

  // A data change elsewhere (a scan, a state change): keep rows visible, refetch what is shown.
  const lastRefresh = useRef(refreshVersion);
  useEffect(() => {
    if (lastRefresh.current === refreshVersion) return;
    lastRefresh.current = refreshVersion;
    const cache = cacheRef.current;
    cache.generation += 1;
    cache.stale = new Set(cache.pages.keys());
    cache.pending.clear();
    bump();
  }, [refreshVersion, bump]);

  const fetchPage = useCallback(
    (page: number) => {
      const cache = cacheRef.current;
      const token = `${cache.generation}:${page}`;
      if (cache.pending.has(token)) return;
      cache.pending.add(token);
      const { generation, key: requestKey } = cache;
      void call('inventory.list', {
        siteId,
        query,
        state,
        offset: page * INVENTORY_PAGE_SIZE,
        limit: INVENTORY_PAGE_SIZE,
      }).then((result) => {
        const current = cacheRef.current;
        if (current.key !== requestKey || current.generation !== generation) return;
        current.pending.delete(token);
        if (!result.ok) {
          current.error = result.error;
          bump();
          return;
        }
        current.error = null;
        current.total = result.value.total;
        current.pages.set(page, result.value.items);
        current.stale.delete(page);
        bump();
      });
    },
    [siteId, query, state, bump],
  );

  // Identity changes with the filter, so effects depending on it run for a new list.
  const ensureRange = useCallback(
    (first: number, last: number) => {
      const cache = cacheRef.current;
      if (cache.error) return; // no retry loop; the user retries
      const firstPage = Math.max(0, Math.floor(first / INVENTORY_PAGE_SIZE));
      const lastPage = Math.max(firstPage, Math.floor(Math.max(last, 0) / INVENTORY_PAGE_SIZE));
      for (let page = firstPage; page <= lastPage; page++) {
        if (!cache.pages.has(page) || cache.stale.has(page)) fetchPage(page);
      }
    },
    [fetchPage],
  );

  const retry = useCallback(() => {
    cacheRef.current.error = null;
    bump();
  }, [bump]);

  const rowAt = useCallback((index: number) => {
    const cache = cacheRef.current;
    return cache.pages.get(Math.floor(index / INVENTORY_PAGE_SIZE))?.[index % INVENTORY_PAGE_SIZE];
  }, []);

  const cache = cacheRef.current;
  return {
    total: cache.total,
    rowAt,
    ensureRange,
    version,
    loading: cache.pending.size > 0,
    error: cache.error,
    retry,
  };
}
