import { describe, expect, it } from 'vitest';
import { makeFacts } from '../../test/support/make-facts';
import { evaluate, probeRequestsFor, type EvaluableRequirement } from './evaluate';
import { requirementResultSchema } from './results';

const requirements: EvaluableRequirement[] = [
  { id: 'os', kind: 'os', description: 'Ubuntu 24.04+', params: { distribution: 'ubuntu', version: '>=24.04' } },
  { id: 'pkg', kind: 'package', description: 'nginx', params: { name: 'nginx' } },
  { id: 'cfg', kind: 'file', description: 'sshd config', params: { path: '/etc/ssh/sshd_config', mode: '0644' } },
  { id: 'cmd', kind: 'command', description: 'POS answers', params: { command: 'pos-server --version' } },
  { id: 'bad', kind: 'dns', description: 'hostile name', params: { name: 'x$(touch /tmp/canary)' } },
  { id: 'odd', kind: 'teleport', description: 'unknown kind', params: {} },
];

describe('evaluate', () => {
  it('returns one labelled result per requirement, in order, matching the result schema', () => {
    const results = evaluate(makeFacts(), requirements, { expectedSerial: null });
    expect(results.map((r) => [r.requirementId, r.kind, r.status])).toEqual([
      ['os', 'os', 'pass'],
      ['pkg', 'package', 'pass'],
      ['cfg', 'file', 'error'], // no probe answer
      ['cmd', 'command', 'error'],
      ['bad', 'dns', 'error'],
      ['odd', 'teleport', 'error'],
    ]);
    for (const r of results) expect(requirementResultSchema.parse(r)).toEqual(r);
    expect(results[4]!.message).toMatch(/^Invalid parameters: name: Give a host name/);
    expect(results[5]!.message).toBe('Unknown requirement kind "teleport"');
  });

  it('skips kinds that do not apply to a Windows target, but still judges the portable ones', () => {
    const facts = makeFacts({
      os: {
        family: 'windows',
        distribution: null,
        distributionName: 'Windows Server 2022',
        version: '10.0.20348',
        kernel: null,
        architecture: 'x64',
      },
    });
    const results = evaluate(
      facts,
      [...requirements.slice(0, 3), { id: 'cpu', kind: 'cpu_cores', description: '8 cores', params: { min: 8 } }],
      { expectedSerial: null },
    );
    expect(results.map((r) => r.status)).toEqual(['fail', 'skipped', 'skipped', 'pass']);
    expect(results[1]!.message).toContain('Windows');
  });

  it('never throws on hostile input', () => {
    const weird = [
      { id: 'a', kind: 'file', description: '', params: null as unknown as Record<string, unknown> },
      { id: 'b', kind: 'port', description: '', params: { port: '22' } },
      { id: 'c', kind: '__proto__', description: '', params: {} },
    ];
    expect(evaluate(makeFacts(), weird, { expectedSerial: null }).map((r) => r.status)).toEqual(['error', 'error', 'error']);
  });
});

describe('probeRequestsFor', () => {
  it('lists only the probed kinds with valid parameters, defaults applied', () => {
    expect(probeRequestsFor(requirements)).toEqual([
      { id: 'cfg', kind: 'file', params: { path: '/etc/ssh/sshd_config', mode: '0644', exists: true } },
      { id: 'cmd', kind: 'command', params: { command: 'pos-server --version', exitStatus: 0, timeoutSeconds: 10 } },
    ]);
  });

  it('feeds evaluate: answers keyed by requirement id are judged', () => {
    const facts = makeFacts({
      probes: {
        cfg: { kind: 'file', exists: true, mode: '600', owner: 'root', group: 'root', sha256: null, contents: null },
        cmd: { kind: 'command', exitStatus: 0, stdout: 'pos-server 2026.4.1', stderr: '', timedOut: false, durationMs: 40 },
      },
    });
    const statuses = evaluate(facts, requirements, { expectedSerial: null }).map((r) => r.status);
    expect(statuses.slice(2, 4)).toEqual(['fail', 'pass']);
  });
});
