import type { HostReport } from './check-report';

/** One TAP line's description: no newlines, and `#` would start a directive. */
const clean = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/#/g, '\\#');

/** YAML-ish diagnostics block of TAP 13; values JSON-quoted so any text stays one scalar. */
const diagnostics = (fields: Record<string, string>) => [
  '  ---',
  ...Object.entries(fields).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`),
  '  ...',
];

/** TAP version 13: one test point per requirement per host; a host not checked is one failing point. */
export function tapReport(hosts: readonly HostReport[]): string {
  const lines: string[] = [];
  let n = 0;
  for (const h of hosts) {
    if (h.outcome !== 'completed') {
      lines.push(
        `not ok ${++n} - ${clean(h.host)}: not checked (${clean(h.outcome)})`,
        ...diagnostics({ message: h.message ?? h.outcome }),
      );
    }
    for (const r of h.results) {
      const name = `${clean(h.host)}: ${clean(r.description || `${r.kind} ${r.requirementId}`)}`;
      if (r.status === 'pass') lines.push(`ok ${++n} - ${name}`);
      else if (r.status === 'skipped') lines.push(`ok ${++n} - ${name} # SKIP ${clean(r.message || 'skipped')}`);
      else
        lines.push(
          `not ok ${++n} - ${name}`,
          ...diagnostics({ status: r.status, expected: r.expected, actual: r.actual, message: r.message }),
        );
    }
  }
  return ['TAP version 13', `1..${n}`, ...lines, ''].join('\n');
}
