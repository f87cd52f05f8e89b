import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApiError } from '../shared/contract';
import { call } from './api/client';
import { FirstRun } from './first-run/FirstRun';
import { AppLayout } from './shell/AppLayout';
import { StartupError } from './shell/StartupError';
import { useProfile } from './state/profile';

/** Loads the local profile, then shows either the first-run form or the workspace. */
export function App() {
  const profile = useProfile((s) => s.profile);
  const setProfile = useProfile((s) => s.setProfile);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void call('profile.get', {}).then((result) => {
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

  if (error && profile === undefined) return <StartupError error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (profile === undefined) {
    return (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  }
  if (profile === null) return <FirstRun />;
  return <AppLayout />;
}
