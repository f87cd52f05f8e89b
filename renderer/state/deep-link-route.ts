import { notifications } from '@mantine/notifications';
import { deepLinkFromHash, parseDeepLink } from '../../shared/desktop/deep-link';
import { call } from '../api/client';
import { resolveDeepLink } from './deep-link-resolve';
import { formatHash } from './hash-route';
import { useNavigation } from './navigation';

/**
 * `#/open/<outpost:// link>`: how a deep link reaches the renderer in both shells (Electron's main
 * process loads it into the window; in the browser shell it can be typed or bookmarked). The link
 * is parsed again here (the fragment is input too), the fragment goes back to the current place at
 * once, and the app moves to the link's site, issue or deployment when it is found on this device.
 */
function takeLinkFromLocation(): string | null {
  const raw = deepLinkFromHash(window.location.hash);
  if (raw === null) return null;
  // Not a place of its own: Back must not return to it (and reopen the link).
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${formatHash(useNavigation.getState())}`,
  );
  return raw;
}

function refuse(message: string): void {
  notifications.show({ color: 'orange', title: 'Cannot open the link', message, autoClose: 8000 });
}

async function open(raw: string): Promise<void> {
  const parsed = parseDeepLink(raw);
  if (!parsed.ok) {
    refuse(`It is not an Outpost link: ${parsed.reason}`);
    return;
  }
  const resolved = await resolveDeepLink(call, parsed.link);
  if (!resolved.ok) {
    refuse(resolved.message);
    return;
  }
  useNavigation.getState().setRoute(resolved.route);
}

/** Call before `startHashSync` (its listener must see the fragment after the link left it). */
export function startDeepLinkRoute(): () => void {
  const initial = takeLinkFromLocation();
  // After the first render: the link's notice needs the notifications container.
  if (initial !== null) setTimeout(() => void open(initial), 0);
  const onHashChange = () => {
    const raw = takeLinkFromLocation();
    if (raw !== null) void open(raw);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
