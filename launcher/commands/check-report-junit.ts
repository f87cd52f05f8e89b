import type { HostReport } from './check-report';

const escapeXml = (text: string) =>
  text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 forbids most control characters even escaped; probe output may hold them
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\uFFFD');

/**
 * JUnit XML as Jenkins and GitLab read it: one <testsuite> per host, one <testcase> per
 * requirement. A host that could not be checked is one <testcase> with an <error>.
 */
export function junitReport(hosts: readonly HostReport[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites: string[] = [];
  for (const h of hosts) {
    const seconds = (h.durationMs / 1000).toFixed(3);
    const cases: string[] = [];
    const count = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    if (h.outcome !== 'completed') {
      count.tests = 1;
      count.errors = 1;
      cases.push(
        `    <testcase classname="${escapeXml(h.host)}" name="connect" time="${seconds}">`,
        `      <error type="${escapeXml(h.outcome)}" message="${escapeXml(h.message ?? h.outcome)}"/>`,
        '    </testcase>',
      );
    }
    for (const r of h.results) {
      count.tests++;
      const open = `    <testcase classname="${escapeXml(h.host)}" name="${escapeXml(r.description || `${r.kind} ${r.requirementId}`)}">`;
      const detail = escapeXml(`expected: ${r.expected}\nactual: ${r.actual}${r.message ? `\n${r.message}` : ''}`);
      if (r.status === 'pass') cases.push(open.replace(/>$/, '/>'));
      else if (r.status === 'fail') {
        count.failures++;
        cases.push(
          open,
          `      <failure message="${escapeXml(r.message || `expected ${r.expected}`)}">${detail}</failure>`,
          '    </testcase>',
        );
      } else if (r.status === 'error') {
        count.errors++;
        cases.push(open, `      <error message="${escapeXml(r.message || r.actual)}">${detail}</error>`, '    </testcase>');
      } else {
        count.skipped++;
        cases.push(open, `      <skipped message="${escapeXml(r.message || 'skipped')}"/>`, '    </testcase>');
      }
    }
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += count[k];
    suites.push(
      `  <testsuite name="${escapeXml(h.host)}" tests="${count.tests}" failures="${count.failures}" errors="${count.errors}" skipped="${count.skipped}" time="${seconds}">`,
      ...cases,
      '  </testsuite>',
    );
  }
  lines.push(
    `<testsuites name="outpost check" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  );
  return lines.join('\n');
}
