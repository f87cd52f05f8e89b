import type { Facts, ProbeResult } from './facts';

/**
 * What a check run keeps of the probes' answers: the evidence each requirement needs, not what the
 * target holds. File contents are never stored (the verdict says whether they matched, and the
 * SHA-256 identifies them); command output, errors and HTTP bodies keep their first lines, bounded.
 * Runs sync to the server, so this is applied before a run is stored.
 */
export const EVIDENCE_LIMITS = { lines: 20, chars: 2000, errorLines: 10, errorChars: 1000 } as const;

/** The first `lines` lines and at most `chars` characters, with "…" where something was cut. */
export function firstLines(text: string, lines: number, chars: number): string {
  const all = text.split('\n');
  let kept = all.slice(0, lines).join('\n');
  let cut = all.length > lines && !(all.length === lines + 1 && all[lines] === '');
  if (kept.length > chars) {
    kept = kept.slice(0, chars);
    cut = true;
  }
  return cut ? `${kept}…` : kept;
}

export function boundedProbe(answer: ProbeResult): ProbeResult {
  switch (answer.kind) {
    case 'file':
      return { ...answer, contents: null };
    case 'command':
      return {
        ...answer,
        stdout: firstLines(answer.stdout, EVIDENCE_LIMITS.lines, EVIDENCE_LIMITS.chars),
        stderr: firstLines(answer.stderr, EVIDENCE_LIMITS.errorLines, EVIDENCE_LIMITS.errorChars),
      };
    case 'http':
      return {
        ...answer,
        body: firstLines(answer.body, EVIDENCE_LIMITS.lines, EVIDENCE_LIMITS.chars),
        ...(answer.headers ? { headers: firstLines(answer.headers, EVIDENCE_LIMITS.lines, EVIDENCE_LIMITS.chars) } : {}),
      };
    case 'error':
      return { ...answer, message: firstLines(answer.message, EVIDENCE_LIMITS.errorLines, EVIDENCE_LIMITS.errorChars) };
    default:
      return answer;
  }
}

/** The facts as a run stores them: every probe answer reduced to its evidence. */
export function factsForStorage(facts: Facts): Facts {
  return { ...facts, probes: Object.fromEntries(Object.entries(facts.probes).map(([id, answer]) => [id, boundedProbe(answer)])) };
}
