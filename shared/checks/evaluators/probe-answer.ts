import type { ProbeResult } from '../facts';
import { verdict, type EvaluatorInput, type Verdict } from './verdict';

export type ProbeAnswer<K extends ProbeResult['kind']> = Extract<ProbeResult, { kind: K }>;

/** The target's answer to a probed requirement, or the verdict that explains why there is none. */
export function probeAnswer<K extends Exclude<ProbeResult['kind'], 'error'>>(input: EvaluatorInput, kind: K, expected: string): { answer: ProbeAnswer<K> } | { verdict: Verdict } {
  const answer = input.facts.probes[input.requirementId];
  if (!answer) return { verdict: verdict('error', expected, 'no answer', 'The target did not answer this check') };
  if (answer.kind === 'error') {
    const privilege = answer.needsPrivilege ? ' (needs privilege: run the check with sudo)' : '';
    return { verdict: verdict('error', expected, 'probe error', `The check could not run on the target: ${answer.message}${privilege}`) };
  }
  if (answer.kind !== kind) return { verdict: verdict('error', expected, `a ${answer.kind} answer`, `The target answered a ${answer.kind} check instead of ${kind}`) };
  return { answer: answer as ProbeAnswer<K> };
}
