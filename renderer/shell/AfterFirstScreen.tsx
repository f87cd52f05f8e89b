import { Suspense, type ReactNode } from 'react';
import { useFirstScreen } from './first-screen';

/**
 * Renders its children (parts of the kit loaded with React.lazy) only once the first screen is on
 * screen, and `fallback` until then and while they load.
 */
export function AfterFirstScreen({ fallback = null, children }: { fallback?: ReactNode; children: ReactNode }) {
  const ready = useFirstScreen((s) => s.ready);
  if (!ready) return <>{fallback}</>;
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
