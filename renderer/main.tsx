// Before any chunk builds a contract schema (a few bytes: zod itself loads with the kit).
import './shell/zod-without-eval';
// Only what the first screen paints with; the rest of the kit follows it (shell/first-screen.ts).
import './theme/first-screen-styles';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureTokenFromLocation } from './api/token';
import { prefetchFirstScreen } from './shell/first-screen';
import { startDeepLinkRoute } from './state/deep-link-route';
import { startHashSync } from './state/hash-route';
import { useNavigation } from './state/navigation';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme/theme';

// Order matters: the token leaves the fragment before the fragment is read as a route, and an
// outpost:// link (#/open/…) leaves it before the route is read.
captureTokenFromLocation();
startDeepLinkRoute();
startHashSync();
prefetchFirstScreen(useNavigation.getState().deploymentId);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <App />
    </MantineProvider>
  </StrictMode>,
);
