import type { ApiError, ApiOutput } from '../../../shared/contract';

/** What the last import attempt came to, as shown in the dialog. */
export type ImportOutcome =
  | { kind: 'imported'; targetRole: string | null; result: ApiOutput<'requirements.importGoss'> }
  /** A `validation` refusal: nothing was stored; `issues` says why. */
  | { kind: 'refused'; message: string; issues: { path: string; message: string }[] }
  /** Any other failure (core not reachable, deployment gone, ...). */
  | { kind: 'failed'; error: ApiError };

export function outcomeOfError(error: ApiError): ImportOutcome {
  if (error.code === 'validation') {
    const issues = error.issues && error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
    return { kind: 'refused', message: error.message, issues };
  }
  return { kind: 'failed', error };
}
