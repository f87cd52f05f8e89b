import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureTokenFromLocation } from './api/token';
import { startDeepLinkRoute } from './state/deep-link-route';
import { startHashSync } from './state/hash-route';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme/theme';

// Order matters: the token leaves the fragment before the fragment is read as a route, and an
// outpost:// link (#/open/…) leaves it before the route is read.
captureTokenFromLocation();
startDeepLinkRoute();
startHashSync();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} />
      <App />
    </MantineProvider>
  </StrictMode>,
);
