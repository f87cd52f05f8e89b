import type { Facts } from '../../../shared/checks/facts';
import type { RequirementResult } from '../../../shared/checks/results';
import type { RunDifference } from '../../../shared/domain/check-run';

const MAX_FACT_CHANGES = 60;

interface RunSide {
  facts: Facts | null;
  results: readonly RequirementResult[];
}

const show = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

/** Scalar facts worth comparing, by a readable name. */
function scalarFacts(facts: Facts): Record<string, unknown> {
  return {
    'host name': facts.hostName,
    OS: [facts.os.distribution, facts.os.distributionVersion ?? facts.os.version].filter(Boolean).join(' ') || null,
    kernel: facts.os.kernel,
    'CPU cores': facts.cpu.cores,
    'CPU threads': facts.cpu.threads,
    'memory total (bytes)': facts.memory.totalBytes,
    'hardware serial': facts.hardware.serial,
    'clock synchronized': facts.clock.synchronized,
  };
}

function keyed<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => string): Map<string, string> {
  return new Map(items.map((item) => [key(item), value(item)]));
}

function compareMaps(label: string, before: Map<string, string>, after: Map<string, string>, out: RunDifference['facts']): void {
  for (const [name, was] of before) {
    const now = after.get(name);
    if (now === undefined) out.push({ fact: `${label} ${name}`, before: was, after: 'absent' });
    else if (now !== was) out.push({ fact: `${label} ${name}`, before: was, after: now });
  }
  for (const [name, now] of after) if (!before.has(name)) out.push({ fact: `${label} ${name}`, before: 'absent', after: now });
}

/** What changed from one run of a target to the next: requirement verdicts, then facts. Small and readable. */
export function diffRuns(previous: RunSide, current: RunSide): RunDifference {
  const requirements: RunDifference['requirements'] = [];
  const before = new Map(previous.results.map((r) => [r.requirementId, r]));
  const after = new Map(current.results.map((r) => [r.requirementId, r]));
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was || was.status !== now.status)
      requirements.push({ requirementId: id, description: now.description, before: was?.status ?? null, after: now.status });
  }
  for (const [id, was] of before)
    if (!after.has(id)) requirements.push({ requirementId: id, description: was.description, before: was.status, after: null });

  const facts: RunDifference['facts'] = [];
  if (previous.facts && current.facts) {
    const a = scalarFacts(previous.facts);
    const b = scalarFacts(current.facts);
    for (const name of Object.keys(b))
      if (show(a[name]) !== show(b[name])) facts.push({ fact: name, before: show(a[name]), after: show(b[name]) });
    compareMaps(
      'package',
      keyed(
        previous.facts.packages,
        (p) => p.name,
        (p) => p.version,
      ),
      keyed(
        current.facts.packages,
        (p) => p.name,
        (p) => p.version,
      ),
      facts,
    );
    const svc = (s: Facts['services'][number]) =>
      `${s.active ? 'active' : 'inactive'}${s.enabled === null ? '' : s.enabled ? ', enabled' : ', disabled'}`;
    compareMaps(
      'service',
      keyed(previous.facts.services, (s) => s.name, svc),
      keyed(current.facts.services, (s) => s.name, svc),
      facts,
    );
    const port = (p: Facts['ports'][number]) => `${p.protocol} ${p.address}:${p.port}`;
    compareMaps(
      'port',
      keyed(previous.facts.ports, port, () => 'listening'),
      keyed(current.facts.ports, port, () => 'listening'),
      facts,
    );
    compareMaps(
      'mount',
      keyed(
        previous.facts.mounts,
        (m) => m.mount,
        (m) => m.fsType,
      ),
      keyed(
        current.facts.mounts,
        (m) => m.mount,
        (m) => m.fsType,
      ),
      facts,
    );
  } else if (previous.facts || current.facts) {
    facts.push({
      fact: 'facts',
      before: previous.facts ? 'collected' : 'not collected',
      after: current.facts ? 'collected' : 'not collected',
    });
  }
  return { requirements, facts: facts.slice(0, MAX_FACT_CHANGES) };
}
