import { countResults } from '../../core/checks/runs/run-store';
import type { AdhocHostResult } from '../../core/checks/adhoc/run-adhoc';
import type { AdhocRequirements } from '../../core/checks/adhoc/adhoc-requirements';
import type { AcceptedKey } from '../../core/checks/adhoc/known-hosts-policy';
import type { HostReport } from './check-report';
import { junitReport } from './check-report-junit';
import { tapReport } from './check-report-tap';

export type CheckFormat = 'table' | 'json' | 'junit' | 'tap';
export const CHECK_FORMATS: readonly CheckFormat[] = ['table', 'json', 'junit', 'tap'];

/** A host passed when it was checked and no requirement failed or errored (skipped ones do not fail it). */
export const hostPassed = (h: AdhocHostResult) =>
  h.outcome === 'completed' && h.results.every((r) => r.status === 'pass' || r.status === 'skipped');

/** Refused host keys (unknown without --accept-new, or changed) make the exit status 2. */
export const hostKeyRefused = (h: AdhocHostResult) => h.outcome === 'host_key_unknown' || h.outcome === 'host_key_changed';

export const where = (h: AdhocHostResult) =>
  `${h.user}@${h.target.host.includes(':') ? `[${h.target.host}]` : h.target.host}:${h.target.port}`;

/** Why a host was not checked, with both fingerprints for a changed key. */
export function hostProblem(h: AdhocHostResult): string {
  if (h.outcome === 'host_key_changed')
    return `HOST KEY CHANGED for ${where(h)}: known_hosts has ${h.expectedFingerprint}, the host shows ${h.hostKey?.algorithm} ${h.hostKey?.fingerprint}. Refused; nothing was run.`;
  if (h.outcome === 'host_key_unknown')
    return `${where(h)} is not in known_hosts: its ${h.hostKey?.algorithm} key is ${h.hostKey?.fingerprint}. Compare it, then run again with --accept-new. Refused; nothing was run.`;
  return h.message;
}

const toReport = (h: AdhocHostResult): HostReport => ({
  host: h.target.label,
  outcome: h.outcome,
  message: h.outcome === 'completed' ? null : hostProblem(h),
  durationMs: h.durationMs,
  results: h.results,
});

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

function table(hosts: readonly AdhocHostResult[], requirements: AdhocRequirements, accepted: readonly AcceptedKey[]): string {
  const lines: string[] = [];
  for (const a of accepted)
    lines.push(`Accepted the new ${a.key.algorithm} key ${a.key.fingerprint} of ${a.host}:${a.port} (written to known_hosts).`);
  for (const h of hosts) {
    const c = countResults(h.results);
    lines.push(
      `${pad(h.target.label, 24)} ${pad(h.outcome, 18)} ${h.outcome === 'completed' ? `${c.pass} pass, ${c.fail} fail, ${c.error} error, ${c.skipped} skipped` : ''}  (${(h.durationMs / 1000).toFixed(1)} s)`,
    );
    if (h.outcome !== 'completed') lines.push(`  ${hostProblem(h)}`);
    for (const r of h.results) {
      if (r.status === 'pass') continue;
      lines.push(
        `  ${pad(r.status.toUpperCase(), 7)} ${r.description || r.kind}`,
        `          expected: ${r.expected}`,
        `          actual:   ${r.actual}${r.message ? `  (${r.message})` : ''}`,
      );
    }
  }
  if (requirements.skipped.length > 0)
    lines.push(
      `${requirements.skipped.length} part${requirements.skipped.length === 1 ? '' : 's'} of the requirements file not checked (see --dry-run).`,
    );
  lines.push(hosts.every(hostPassed) ? 'All requirements passed.' : 'Not everything passed.');
  return `${lines.join('\n')}\n`;
}

function json(hosts: readonly AdhocHostResult[], requirements: AdhocRequirements, accepted: readonly AcceptedKey[]): string {
  const report = {
    passed: hosts.every(hostPassed),
    requirementsFormat: requirements.format,
    skipped: requirements.skipped,
    acceptedHostKeys: accepted,
    hosts: hosts.map((h) => ({
      host: h.target.label,
      address: h.target.host,
      port: h.target.port,
      user: h.user,
      outcome: h.outcome,
      message: h.outcome === 'completed' ? h.message : hostProblem(h),
      hostKey: h.hostKey,
      expectedFingerprint: h.expectedFingerprint,
      counts: countResults(h.results),
      startedAt: h.startedAt,
      durationMs: h.durationMs,
      facts: h.facts,
      results: h.results,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The report in the chosen format (the text written to stdout or --out). */
export function adhocReport(
  format: CheckFormat,
  hosts: readonly AdhocHostResult[],
  requirements: AdhocRequirements,
  accepted: readonly AcceptedKey[],
): string {
  if (format === 'junit') return junitReport(hosts.map(toReport));
  if (format === 'tap') return tapReport(hosts.map(toReport));
  if (format === 'json') return json(hosts, requirements, accepted);
  return table(hosts, requirements, accepted);
}
