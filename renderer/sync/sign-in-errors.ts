import type { ApiError } from '../../shared/contract';

/** A headline for a refused sign-in, recognised from the core's error (code and wording). */
export function signInErrorTitle(error: ApiError): string {
  const text = `${error.code} ${error.message}`.toLowerCase();
  if (error.code === 'validation') return 'Check the sign-in details';
  if (error.code === 'untrusted_server') return /changed|different certificate/i.test(error.message) ? 'The server’s certificate changed' : 'Server not trusted';
  if (/rate_limited|too many|rate limit/.test(text)) return 'Too many attempts';
  if (/client_too_old|too old|upgrade|update outpost/.test(text)) return 'This Outpost is too old for the server';
  if (/bad_credentials|unauthorized|password|credential/.test(text)) return 'Wrong user name or password';
  if (/offline|unreachable|econnrefused|enotfound|timed out|timeout|network|fetch failed|could not reach|cannot reach/.test(text)) return 'Server unreachable';
  if (error.code === 'unknown_method') return 'This Outpost cannot sync yet';
  return 'Sign-in failed';
}

/** The default device name: who uses it, and on what. */
export function defaultDeviceName(profileName: string | undefined, platform: string): string {
  const where = platform.trim() || 'desktop';
  return profileName ? `${profileName}'s Outpost (${where})` : `Outpost (${where})`;
}
