import type { ApiError, ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { call } from './client';
import { showApiError, showSuccess } from './notify';
import { bumpTopics, type Topic } from './refresh';

export interface MutationOptions<M extends ApiMethod = ApiMethod> {
  /** Topics to refresh after success (or the topics that this result changed, e.g. only when a scan received something). */
  refresh?: readonly Topic[] | ((value: ApiOutput<M>) => readonly Topic[]);
  /** Shown as a short notification after success. */
  success?: string | ((value: ApiOutput<M>) => string);
  /** Title of the error notification (defaults to one per error code). */
  errorTitle?: string;
  /** Takes the error instead of the notification, for a screen that shows it in place (a scan log, an alert). */
  onError?: (error: ApiError) => void;
}

/**
 * What follows every change a screen sends, in one place: on failure the error is shown (or handed
 * to `onError`) and null returned; on success the topics are refreshed, the success note shown and
 * the value returned. `useMutation` (forms and screens) and `runCommand` (plain functions) both end
 * here; they differ only in how they guard against a double submit.
 */
export async function sendMutation<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  options: MutationOptions<M>,
  showError: (error: ApiError) => void = (error) => showApiError(error, options.errorTitle),
): Promise<ApiOutput<M> | null> {
  const result = await call(method, input);
  if (!result.ok) {
    (options.onError ?? showError)(result.error);
    return null;
  }
  const topics = typeof options.refresh === 'function' ? options.refresh(result.value) : options.refresh;
  if (topics && topics.length > 0) bumpTopics(...topics);
  const success = typeof options.success === 'function' ? options.success(result.value) : options.success;
  if (success) showSuccess(success);
  return result.value;
}
