import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { createInFlightGuard } from './in-flight';
import { sendMutation, type MutationOptions } from './send-mutation';

const once = createInFlightGuard();

export type CommandOptions<M extends ApiMethod = ApiMethod> = MutationOptions<M>;

/**
 * Run a mutating call without component state (a menu item, a button with no pending look): the
 * same end as `useMutation` (send-mutation.ts: error shown and null, or topics refreshed and the
 * value). The same call with the same input is not sent again while it runs (a double click returns
 * null); forms, and screens that show a pending state or field errors, use `useMutation`.
 */
export async function runCommand<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  options: CommandOptions<M> = {},
): Promise<ApiOutput<M> | null> {
  return once(`${method} ${JSON.stringify(input)}`, () => sendMutation(method, input, options), null);
}
