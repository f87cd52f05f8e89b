import { isTrustedSender } from './ipc-api';

function pagePath(url: string): string {
  const { pathname } = new URL(url);
  return pathname === '/' ? '/index.html' : pathname;
}

/**
 * A top-level navigation is allowed only when it stays on the same app:// page (a reload with
 * another query, say). Everything else, including other app:// paths, is refused.
 */
export function isAllowedNavigation(targetUrl: string, currentUrl: string): boolean {
  if (!isTrustedSender(targetUrl) || !isTrustedSender(currentUrl)) return false;
  return pagePath(targetUrl) === pagePath(currentUrl);
}

/** Links the OS browser may open: https only (no http, file, javascript, custom schemes). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
