import type { ApiError } from '../../shared/contract';
import { appText } from '../i18n/app-text';

/** A headline for a refused sign-in, recognised from the core's error (code and wording). */
export function signInErrorTitle(error: ApiError): string {
  const text = `${error.code} ${error.message}`.toLowerCase();
  if (error.code === 'validation') return appText('sync.signInErrors.checkTheSignIn');
  if (error.code === 'untrusted_server')
    return /changed|different certificate/i.test(error.message)
      ? appText('sync.signInErrors.theServersCertificateChanged')
      : appText('sync.signInErrors.serverNotTrusted');
  if (/rate_limited|too many|rate limit/.test(text)) return appText('sync.signInErrors.tooManyAttempts');
  if (/client_too_old|too old|upgrade|update outpost/.test(text)) return appText('sync.signInErrors.thisOutpostIsToo');
  if (/bad_credentials|unauthorized|password|credential/.test(text)) return appText('sync.signInErrors.wrongUserNameOr');
  if (/offline|unreachable|econnrefused|enotfound|timed out|timeout|network|fetch failed|could not reach|cannot reach/.test(text))
    return appText('sync.signInErrors.serverUnreachable');
  if (error.code === 'unknown_method') return appText('sync.signInErrors.thisOutpostCannotSync');
  return appText('sync.signInErrors.signInFailed');
}

/** The default device name: who uses it, and on what. */
export function defaultDeviceName(profileName: string | undefined, platform: string): string {
  const where = platform.trim() || 'desktop';
  return profileName ? `${profileName}'s Outpost (${where})` : appText('sync.signInErrors.outpost', { where });
}
