import { Suspense, type ReactNode } from 'react';
import { ChunkErrorBoundary } from './ChunkErrorBoundary';
import { useFirstScreen } from './first-screen';

/**
 * Renders its children (parts of the kit loaded with React.lazy) only once the first screen is on
 * screen, and `fallback` until then and while they load; a part that cannot load says so.
 */
export function AfterFirstScreen({ fallback = null, children }: { fallback?: ReactNode; children: ReactNode }) {
  const ready = useFirstScreen((s) => s.ready);
  if (!ready) return <>{fallback}</>;
  return (
    <ChunkErrorBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ChunkErrorBoundary>
  );
}
