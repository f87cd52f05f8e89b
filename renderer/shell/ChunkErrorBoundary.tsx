import { Component, type ReactNode } from 'react';
import { appText } from '../i18n/app-text';
import { logger } from '../logging/logger';

interface State {
  failed: boolean;
}

/**
 * Around lazily loaded parts (the kit after the first screen, each route): when a chunk cannot
 * load (the build changed under an open page, the host went away) or its part fails to render,
 * this part says so and offers a reload, instead of React taking the whole window blank. Plain
 * elements only: the kit itself may be what failed to load. A class (hooks are not allowed), so its
 * texts come from appText, which loads with the first screen.
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
        {appText('shell.chunkErrorBoundary.couldNotLoad')}{' '}
        <button type="button" onClick={() => window.location.reload()} style={{ font: 'inherit', cursor: 'pointer' }}>
          {appText('shell.chunkErrorBoundary.reload')}
        </button>
      </div>
    );
  }
}
