/**
 * Content patterns as Goss writes them: `text` must occur, `/regex/` must match (multi-line),
 * and a leading `!` inverts either (`!text`, `!/regex/`). Compared line-wise like Goss would
 * only matter for anchors, which the `m` flag covers.
 */
export interface PatternOutcome {
  /** Patterns that did not hold, as written. */
  failed: string[];
  /** Patterns that are not valid regular expressions. */
  invalid: string[];
}

function compile(pattern: string): { negate: boolean; test: (text: string) => boolean } | null {
  const negate = pattern.startsWith('!');
  const body = negate ? pattern.slice(1) : pattern;
  const regex = /^\/(.*)\/$/s.exec(body);
  if (!regex) return { negate, test: (text) => text.includes(body) };
  try {
    const compiled = new RegExp(regex[1]!, 'm');
    return { negate, test: (text) => compiled.test(text) };
  } catch {
    return null;
  }
}

export function matchPatterns(text: string, patterns: readonly string[]): PatternOutcome {
  const outcome: PatternOutcome = { failed: [], invalid: [] };
  for (const pattern of patterns) {
    const compiled = compile(pattern);
    if (!compiled) outcome.invalid.push(pattern);
    else if (compiled.test(text) === compiled.negate) outcome.failed.push(pattern);
  }
  return outcome;
}

export function describePatterns(patterns: readonly string[]): string {
  return patterns.map((p) => JSON.stringify(p)).join(', ');
}
