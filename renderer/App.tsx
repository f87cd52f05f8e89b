import { Center, Loader } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import type { ApiError } from '../shared/contract';
import { sharedQuery } from './api/shared-query';
import { AppLayout } from './shell/AppLayout';
import { FirstRunPart, NotificationsPart, StartupErrorPart } from './shell/kit-parts';
import { useProfile } from './state/profile';

const loading = (
  <Center h="100%">
    <Loader size="sm" />
  </Center>
);

/** Loads the local profile, then shows either the first-run form or the workspace. */
export function App() {
  const profile = useProfile((s) => s.profile);
  const setProfile = useProfile((s) => s.setProfile);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    // Through sharedQuery: the first attempt takes the read main.tsx started (prefetchFirstScreen).
    void sharedQuery('profile.get', {}, `profile.get#${attempt}`).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setError(null);
        setProfile(result.value);
      } else {
        setError(result.error);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [attempt, setProfile]);

  // The first-run form and the start-up error have no first screen to wait for: the kit loads at once.
  if (error && profile === undefined) {
    return (
      <Suspense fallback={loading}>
        <NotificationsPart />
        <StartupErrorPart error={error} onRetry={() => setAttempt((n) => n + 1)} />
      </Suspense>
    );
  }
  if (profile === undefined) return loading;
  if (profile === null) {
    return (
      <Suspense fallback={loading}>
        <NotificationsPart />
        <FirstRunPart />
      </Suspense>
    );
  }
  return <AppLayout />;
}
