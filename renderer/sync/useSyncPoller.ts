import { useEffect, useRef } from 'react';
import { call } from '../api/client';
import { bumpTopics, SYNCED_TOPICS, useRefreshStore } from '../api/refresh';
import { logger } from '../logging/logger';
import { pollDelayMs, useSync } from './sync-store';

/**
 * Keeps `useSync().status` fresh: polls `sync.status` (2 s while syncing, 10 s otherwise), at once
 * when asked and shortly after any local change; starts a sync when the browser comes back online.
 * Mount once, in the app layout.
 */
export function useSyncPoller(): void {
  const pollRequest = useSync((s) => s.pollRequest);
  const localChanges = useRefreshStore((s) => s.versions);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSuccess = useRef<string | null | undefined>(undefined);
  // The page's start, not this hook's mount: the poller joins after the first screen, and the
  // navigator's data may predate a sync that finished in between (sign-in from the first run).
  const mountedAt = useRef(new Date(performance.timeOrigin).toISOString());
  const first = useRef(true);

  useEffect(() => {
    let cancelled = false;
    async function poll() {
      if (timer.current) clearTimeout(timer.current);
      const result = await call('sync.status', {});
      // A newer sync reloads every screen's data. Noted even when this poll was superseded: a
      // superseded poll that skipped it could leave the first successful sync after sign-in unseen.
      if (result.ok) {
        const previous = lastSuccess.current;
        lastSuccess.current = result.value.lastSuccessAt;
        const now = result.value.lastSuccessAt;
        // First look: a sync that finished after the page started may postdate the data it loaded.
        const newer = previous === undefined ? now !== null && now > mountedAt.current : now !== previous;
        if (newer) bumpTopics(...SYNCED_TOPICS); // after a pull brought news, every screen reads again
      }
      if (cancelled) return;
      const store = useSync.getState();
      if (result.ok) {
        store.setStatus(result.value);
      } else {
        store.setStatusError(result.error);
      }
      timer.current = setTimeout(() => void poll(), pollDelayMs(result.ok ? result.value : null));
    }
    // A short delay groups a burst of local changes (a scan, a save) into one status call.
    timer.current = setTimeout(() => void poll(), first.current ? 0 : 150);
    first.current = false;
    return () => {
      cancelled = true;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [pollRequest, localChanges]);

  useEffect(() => {
    const onOnline = () => {
      void call('sync.now', {}).then((result) => {
        if (!result.ok) logger.warn('sync.now after coming online failed', result.error);
        useSync.getState().requestPoll();
      });
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);
}
