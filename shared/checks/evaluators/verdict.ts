import type { Facts } from '../facts';
import type { CheckStatus } from '../results';

/** One requirement's outcome before it is labelled with the requirement's id, kind and description. */
export interface Verdict {
  status: CheckStatus;
  expected: string;
  actual: string;
  message: string;
}

export interface EvaluationContext {
  /** The expected serial of the inventory item linked to the target, if any. */
  expectedSerial: string | null;
}

export interface EvaluatorInput {
  facts: Facts;
  context: EvaluationContext;
  requirementId: string;
}

export const verdict = (status: CheckStatus, expected: string, actual: string, message: string): Verdict => ({
  status,
  expected,
  actual,
  message,
});

/** Pass when every condition holds; otherwise fail naming the first that does not. */
export function judge(expected: string, actual: string, problems: readonly string[]): Verdict {
  return problems.length === 0
    ? verdict('pass', expected, actual, 'Meets the requirement')
    : verdict('fail', expected, actual, problems.join('; '));
}

/** Finds why a fact could not be read (`hardware.serial`, `packages`, …), matching a name or its parent. */
export function unreadableFact(facts: Facts, ...names: string[]): Facts['unreadable'][number] | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  return facts.unreadable.find((u) => {
    const fact = u.fact.toLowerCase();
    return wanted.some((w) => fact === w || w.startsWith(`${fact}.`) || fact.startsWith(`${w}.`));
  });
}

/** An `error` verdict for a fact that is missing, saying why when the collector recorded it. */
export function missingFact(facts: Facts, names: string[], expected: string, what: string): Verdict {
  const reason = unreadableFact(facts, ...names);
  if (!reason) return verdict('error', expected, 'not collected', `The target did not report ${what}`);
  return verdict('error', expected, 'unreadable', `Could not read ${what}: ${withPrivilegeHint(reason.reason, reason.needsPrivilege)}`);
}

/** Adds "needs privilege" to a reason that needed root, unless the reason already says so. */
export function withPrivilegeHint(reason: string, needsPrivilege: boolean): string {
  if (!needsPrivilege) return reason;
  if (/privilege|sudo|root/i.test(reason)) return /privilege/i.test(reason) ? reason : `${reason} (needs privilege)`;
  return `${reason} (needs privilege: run the check with sudo)`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

export const quote = (text: string): string => JSON.stringify(text);

/** Shortens long evidence (command output, file contents) for display. */
export function excerpt(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
