import type { ProbeResult } from '../facts';
import { verdict, withPrivilegeHint, type EvaluatorInput, type Verdict } from './verdict';

export type ProbeAnswer<K extends ProbeResult['kind']> = Extract<ProbeResult, { kind: K }>;

/** The target's answer to a probed requirement, or the verdict that explains why there is none. */
export function probeAnswer<K extends Exclude<ProbeResult['kind'], 'error'>>(
  input: EvaluatorInput,
  kind: K,
  expected: string,
): { answer: ProbeAnswer<K> } | { verdict: Verdict } {
  const answer = input.facts.probes[input.requirementId];
  if (!answer) return { verdict: verdict('error', expected, 'no answer', 'The target did not answer this check') };
  if (answer.kind === 'error') {
    return {
      verdict: verdict(
        'error',
        expected,
        'probe error',
        `The check could not run on the target: ${withPrivilegeHint(answer.message, answer.needsPrivilege)}`,
      ),
    };
  }
  if (answer.kind !== kind)
    return {
      verdict: verdict('error', expected, `a ${answer.kind} answer`, `The target answered a ${answer.kind} check instead of ${kind}`),
    };
  return { answer: answer as ProbeAnswer<K> };
}
