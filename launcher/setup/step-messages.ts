// Turning a failed child process into the "why" half of the one-line failure message.
import type { TimedProcessResult } from './timed-process';

/** The most telling output line: the first error-looking one (a stack's head), else the last one. */
export function mostTellingLine(lines: readonly string[]): string | null {
  const error = lines.find((line) => /\b(error|failed|not found|refused|ENOTFOUND|ECONN|ETIMEDOUT)\b/i.test(line) && !/^\s+at /.test(line));
  const chosen = error ?? lines.at(-1) ?? null;
  return chosen ? chosen.trim().replace(/\s+/g, ' ').slice(0, 300) : null;
}

export function describeFailure(result: Exclude<TimedProcessResult, { outcome: 'exited'; code: 0 }>, limitMs: number): string {
  if (result.outcome === 'timed-out') return `no result within the ${Math.round(limitMs / 1000)} s time limit (stopped)`;
  if (result.outcome === 'not-started') return `could not start: ${result.message}`;
  const line = mostTellingLine(result.lines);
  return line ? `${line} (exit code ${result.code})` : `exit code ${result.code}`;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
