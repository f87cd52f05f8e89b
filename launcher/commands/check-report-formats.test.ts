import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RequirementResult } from '../../shared/checks/results';
import type { HostReport } from './check-report';
import { junitReport } from './check-report-junit';
import { tapReport } from './check-report-tap';

const result = (id: string, status: RequirementResult['status'], description: string): RequirementResult => ({
  requirementId: id,
  kind: 'package',
  description,
  status,
  expected: 'installed',
  actual: status === 'pass' ? 'installed' : 'missing <&> "x"',
  message: status === 'skipped' ? 'needs sudo' : '',
});
const hosts: HostReport[] = [
  {
    host: 'pos1',
    outcome: 'completed',
    message: null,
    durationMs: 1200,
    results: [result('a', 'pass', 'nginx # web'), result('b', 'fail', 'ssh <server>'), result('c', 'skipped', 'shadow file')],
  },
  { host: 'pos2', outcome: 'unreachable', message: 'connect ECONNREFUSED', durationMs: 5, results: [] },
];

/** Parsed by Python's XML parser (a real one, independent of ours): counts per suite. */
function parseJunit(xml: string): {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  cases: number;
  failureEls: number;
  errorEls: number;
  skippedEls: number;
}[] {
  const script = `import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
print(json.dumps([{ 'name': s.get('name'), 'tests': int(s.get('tests')), 'failures': int(s.get('failures')), 'errors': int(s.get('errors')), 'skipped': int(s.get('skipped')), 'cases': len(s.findall('testcase')), 'failureEls': len(s.findall('testcase/failure')), 'errorEls': len(s.findall('testcase/error')), 'skippedEls': len(s.findall('testcase/skipped')) } for s in root.findall('testsuite')]))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: xml, encoding: 'utf8' }));
}

describe('check report formats', () => {
  it('junit: one testsuite per host, one testcase per requirement, counts match the elements', () => {
    const suites = parseJunit(junitReport(hosts));
    expect(suites).toEqual([
      { name: 'pos1', tests: 3, failures: 1, errors: 0, skipped: 1, cases: 3, failureEls: 1, errorEls: 0, skippedEls: 1 },
      { name: 'pos2', tests: 1, failures: 0, errors: 1, skipped: 0, cases: 1, failureEls: 0, errorEls: 1, skippedEls: 0 },
    ]);
  });

  it('tap 13: plan, one point per requirement, SKIP directive, escaped #', () => {
    const lines = tapReport(hosts).split('\n');
    expect(lines.slice(0, 2)).toEqual(['TAP version 13', '1..4']);
    expect(lines).toContain('ok 1 - pos1: nginx \\# web');
    expect(lines).toContain('not ok 2 - pos1: ssh <server>');
    expect(lines).toContain('ok 3 - pos1: shadow file # SKIP needs sudo');
    expect(lines).toContain('not ok 4 - pos2: not checked (unreachable)');
    expect(lines).toContain('  actual: "missing <&> \\"x\\""');
  });
});
