import { Component, type ReactNode } from 'react';
import { logger } from '../logging/logger';

interface State {
  failed: boolean;
}

/**
 * Around lazily loaded parts (the kit after the first screen, each route): when a chunk cannot
 * load (the build changed under an open page, the host went away) or its part fails to render,
 * this part says so and offers a reload, instead of React taking the whole window blank. Plain
 * elements only: the kit itself may be what failed to load.
 */
export class ChunkErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    logger.error('a part of the app failed to load or render', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" data-testid="chunk-error" style={{ padding: 16, fontSize: 14 }}>
        This part of Outpost could not load. Your data is safe.{' '}
        <button type="button" onClick={() => window.location.reload()} style={{ font: 'inherit', cursor: 'pointer' }}>
          Reload
        </button>
      </div>
    );
  }
}
