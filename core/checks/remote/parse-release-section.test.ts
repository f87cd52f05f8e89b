import { describe, expect, it } from 'vitest';
import { parseProbeOutput } from './parse-probe-output';

/** The probe's output for an OS: os-release, and the `release` section with the first line of the distribution's own file. */
function output(osRelease: string, release: Record<string, string>): string {
  return [
    '==OUTPOST:n1:meta==',
    `epoch_ms=${(Date.now() / 1000).toFixed(3)}`,
    'uname=Linux host 6.1.0 x86_64',
    '==OUTPOST:n1:os-release==',
    osRelease,
    '==OUTPOST:n1:status==',
    'rc=0',
    '==OUTPOST:n1:release==',
    ...Object.entries(release).map(([k, v]) => `${k}=${v}`),
    '==OUTPOST:n1:end==',
  ].join('\n');
}

const parse = (text: string) => {
  const parsed = parseProbeOutput(text, '', {
    nonce: 'n1',
    referenceEpochMs: Date.now(),
    collectedAt: new Date().toISOString(),
    durationMs: 1,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.facts.os;
};

describe('OS point release from the probe output', () => {
  it('Debian: /etc/debian_version, with VERSION_ID kept as the major version', () => {
    expect(parse(output('ID=debian\nVERSION_ID="12"', { debian_version: '12.11' }))).toMatchObject({
      version: '12',
      distributionVersion: '12.11',
    });
  });
  it("Red Hat family: 'release X.Y' from /etc/redhat-release", () => {
    expect(parse(output('ID="rocky"\nVERSION_ID="9.4"', { 'redhat-release': 'Rocky Linux release 9.4 (Blue Onyx)' }))).toMatchObject({
      distributionVersion: '9.4',
    });
  });
  it('a codename (testing/sid) or no file keeps VERSION_ID', () => {
    expect(parse(output('ID=debian\nVERSION_ID="13"', { debian_version: 'trixie/sid' })).distributionVersion).toBe('13');
    expect(parse(output('ID=ubuntu\nVERSION_ID="24.04"', {})).distributionVersion).toBe('24.04');
  });
});
