import { useCallback, useRef, useState } from 'react';
import type { ApiError, ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { showApiError } from './notify';
import { sendMutation, type MutationOptions } from './send-mutation';

export type { MutationOptions };

export interface FormMutationOptions {
  /** Input paths the form shows at their own field: their errors are not repeated in the notification. */
  fields?: readonly string[];
}

export interface Mutation {
  /** Runs one call; while one is in flight a second submit is ignored (returns null). */
  run: <M extends ApiMethod>(method: M, input: ApiInput<M>, options?: MutationOptions<M>) => Promise<ApiOutput<M> | null>;
  pending: boolean;
  /** Validation messages of the last failed call for the fields the form shows, by input path. */
  fieldErrors: Readonly<Record<string, string>>;
  clearFieldErrors: () => void;
}

/** Splits a failed call's issues into those a form shows at its fields and the rest. */
export function splitFieldErrors(error: ApiError, fields: readonly string[]): { atFields: Record<string, string>; rest: ApiError | null } {
  const atFields: Record<string, string> = {};
  const others = [];
  for (const issue of error.issues ?? []) {
    if (fields.includes(issue.path) && !(issue.path in atFields)) atFields[issue.path] = issue.message;
    else if (!fields.includes(issue.path)) others.push(issue);
  }
  const shownAll = Object.keys(atFields).length > 0 && others.length === 0;
  return { atFields, rest: shownAll ? null : { ...error, issues: others } };
}

/**
 * The one way a screen submits a change: a guarded mutation. A double click (or Enter pressed
 * twice) while the first call runs does not send a second one; on failure the error is shown
 * once (at the field when the form has one, else as a notification, or handed to `onError`); on
 * success the topics are refreshed and the value returned (send-mutation.ts).
 */
export function useMutation(formOptions: FormMutationOptions = {}): Mutation {
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const fields = formOptions.fields ?? [];
  const fieldsKey = fields.join('\n');

  const run = useCallback(
    async <M extends ApiMethod>(method: M, input: ApiInput<M>, options: MutationOptions<M> = {}): Promise<ApiOutput<M> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      try {
        const value = await sendMutation(method, input, options, (error) => {
          const split = splitFieldErrors(error, fieldsKey ? fieldsKey.split('\n') : []);
          setFieldErrors(split.atFields);
          if (split.rest) showApiError(split.rest, options.errorTitle);
        });
        if (value !== null) setFieldErrors({});
        return value;
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [fieldsKey],
  );
  const clearFieldErrors = useCallback(() => setFieldErrors({}), []);
  return { run, pending, fieldErrors, clearFieldErrors };
}
