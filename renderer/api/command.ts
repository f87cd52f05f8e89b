import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { call } from './client';
import { showApiError, showSuccess } from './notify';
import { createInFlightGuard } from './in-flight';
import { bumpTopics, type Topic } from './refresh';

const once = createInFlightGuard();

export interface CommandOptions {
  /** Topics to refresh after success. */
  refresh?: Topic[];
  /** Shown as a short notification after success. */
  success?: string;
  /** Title of the error notification (defaults to one per error code). */
  errorTitle?: string;
}

/**
 * Run a mutating call: on failure show the error as a notification and return null; on
 * success refresh the given topics and return the value. The same call with the same input is
 * not sent again while it runs (a double click returns null); forms use `useMutation`.
 */
export async function runCommand<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  options: CommandOptions = {},
): Promise<ApiOutput<M> | null> {
  const result = await once(`${method} ${JSON.stringify(input)}`, () => call(method, input), null);
  if (result === null) return null;
  if (!result.ok) {
    showApiError(result.error, options.errorTitle);
    return null;
  }
  if (options.refresh && options.refresh.length > 0) bumpTopics(...options.refresh);
  if (options.success) showSuccess(options.success);
  return result.value;
}
