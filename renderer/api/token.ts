import { TOKEN_FRAGMENT_KEY } from '../../shared/contract/bridge';

/**
 * The browser host hands the per-launch token to the page in the URL fragment (#token=...).
 * We keep it in sessionStorage so a reload keeps working, and take it out of the visible URL
 * so it is not bookmarked, shared in a screenshot or left in the history.
 */
const STORAGE_KEY = 'outpost.apiToken';
let memoryToken: string | null = null;

/** Call once at start-up, before anything reads location.hash for navigation. */
export function captureTokenFromLocation(): void {
  const fragment = window.location.hash.replace(/^#/, '');
  if (!fragment.includes(`${TOKEN_FRAGMENT_KEY}=`)) return;
  const token = new URLSearchParams(fragment).get(TOKEN_FRAGMENT_KEY);
  if (token) {
    memoryToken = token;
    try {
      window.sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the in-memory copy still serves this page load.
    }
  }
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
}

export function getApiToken(): string | null {
  if (memoryToken) return memoryToken;
  try {
    memoryToken = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    memoryToken = null;
  }
  return memoryToken;
}
