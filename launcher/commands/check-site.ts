import fs from 'node:fs';
import type { OutpostCore } from '../../core/outpost-core';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { describePendingApproval } from '../../shared/checks/plan-approval';
import type { CheckJobHost, CheckJobStatus, CheckRunDetail } from '../../shared/domain/check-run';
import type { HostReport } from './check-report';
import { junitReport } from './check-report-junit';
import { tapReport } from './check-report-tap';
import { UsageError } from './cli-support';
import type { CliIo } from './command';

export function call<M extends ApiMethod>(core: OutpostCore, method: M, input: ApiInput<M>): ApiOutput<M> {
  const result = core.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ApiOutput<M>;
}

export function findSite(
  core: OutpostCore,
  code: string,
  deploymentName: string | undefined,
): { id: string; code: string; name: string; deployment: string } {
  const deployments = call(core, 'deployments.list', {}).filter((d) => deploymentName === undefined || d.name === deploymentName);
  if (deploymentName !== undefined && deployments.length === 0) throw new UsageError(`No deployment is named "${deploymentName}"`);
  const matches = deployments.flatMap((d) =>
    call(core, 'sites.list', { deploymentId: d.id })
      .filter((s) => s.code.toLowerCase() === code.toLowerCase())
      .map((s) => ({ id: s.id, code: s.code, name: s.name, deployment: d.name })),
  );
  if (matches.length === 0) throw new UsageError(`No site has the code "${code}"${deploymentName ? ` in "${deploymentName}"` : ''}`);
  if (matches.length > 1)
    throw new UsageError(
      `Several deployments have a site "${code}" (${matches.map((m) => m.deployment).join(', ')}): give --deployment NAME`,
    );
  return matches[0]!;
}

async function runJob(core: OutpostCore, start: () => { jobId: string }): Promise<CheckJobStatus> {
  const { jobId } = start();
  for (;;) {
    const status = call(core, 'checks.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

function printHost(say: (line: string) => void, host: CheckJobHost, detail: CheckRunDetail | null): void {
  const counts = host.counts
    ? `${host.counts.pass} pass, ${host.counts.fail} fail, ${host.counts.error} error, ${host.counts.skipped} skipped`
    : '';
  say(`${pad(host.label, 24)} ${pad(host.outcome ?? '?', 18)} ${counts}${detail ? `  (${(detail.durationMs / 1000).toFixed(1)} s)` : ''}`);
  if (host.outcome === 'host_key_unknown' && host.hostKey)
    say(`  new host key ${host.hostKey.algorithm} ${host.hostKey.fingerprint}: not trusted (compare it, then --trust-new-host-keys)`);
  else if (host.outcome === 'host_key_changed' && host.hostKey)
    say(
      `  HOST KEY CHANGED: trusted ${host.expectedFingerprint ?? '?'}, now ${host.hostKey.fingerprint}. Refused; re-trust it in the Machines tab only if you know why.`,
    );
  else if (host.outcome === 'windows') say('  Windows targets are not supported yet');
  else if (host.outcome !== 'completed' && host.message) say(`  ${host.message}`);
  for (const r of detail?.results ?? []) {
    if (r.status === 'pass') continue;
    say(`  ${pad(r.status.toUpperCase(), 7)} ${r.description || r.kind}`);
    say(`          expected: ${r.expected}`);
    say(`          actual:   ${r.actual}${r.message ? `  (${r.message})` : ''}`);
  }
}

export class NeedsApproval extends Error {}

/**
 * A plan's commands and file reads run only once approved: printed, then recorded with
 * --approve-commands, otherwise refused (exit 2) naming them. Nothing is checked before that.
 */
function approveOrRefuse(core: OutpostCore, io: CliIo, siteId: string, options: { approve: boolean; json: boolean }): void {
  const pending = call(core, 'checks.approvalsNeeded', { siteId });
  if (pending.length === 0) return;
  const say = (line: string) => (options.json ? io.err(line) : io.out(line));
  if (!options.approve) {
    for (const p of pending) for (const line of describePendingApproval(p)) io.err(line);
    throw new NeedsApproval(
      `${pending.length === 1 ? 'this machine needs' : `${pending.length} machines need`} approval of the commands and file reads above; read them, then run again with --approve-commands. Nothing was checked.`,
    );
  }
  for (const p of pending) for (const line of describePendingApproval(p)) say(line);
  call(core, 'checks.approveCommands', { siteId, approvals: pending.map((p) => ({ targetId: p.targetId, hash: p.hash })) });
  say(`Approved for ${pending.map((p) => p.label).join(', ')}.`);
}

export interface SiteCheckOptions {
  site: string;
  deployment?: string | undefined;
  concurrency: number;
  json: boolean;
  trustNew: boolean;
  approve: boolean;
  /** junit or tap instead of the table (json: `json`). */
  report?: 'junit' | 'tap' | undefined;
  /** Write the report here instead of stdout. */
  out?: string | undefined;
}

/** `outpost check --site CODE`: the Machines tab's "Check all" for a site of a local deployment; runs are stored. */
export async function checkSite(core: OutpostCore, io: CliIo, options: SiteCheckOptions): Promise<number> {
  const site = findSite(core, options.site, options.deployment);
  // Only a table shares stdout with the approval text; other reports must stay parseable.
  approveOrRefuse(core, io, site.id, { approve: options.approve, json: options.json || options.report !== undefined });
  let status = await runJob(core, () => call(core, 'checks.start', { siteId: site.id, concurrency: options.concurrency }));
  const hosts = new Map(status.hosts.map((h) => [h.targetId ?? h.label, h]));
  const unknown = status.hosts.filter((h) => h.outcome === 'host_key_unknown' && h.targetId && h.hostKey);
  if (options.trustNew && unknown.length > 0) {
    for (const h of unknown) {
      call(core, 'checks.trustHostKey', { targetId: h.targetId!, fingerprint: h.hostKey!.fingerprint, algorithm: h.hostKey!.algorithm });
      if (!options.json && !options.report) io.err(`trusted ${h.label}: ${h.hostKey!.algorithm} ${h.hostKey!.fingerprint}`);
    }
    status = await runJob(core, () =>
      call(core, 'checks.start', { siteId: site.id, targetIds: unknown.map((h) => h.targetId!), concurrency: options.concurrency }),
    );
    for (const h of status.hosts) hosts.set(h.targetId ?? h.label, h);
  }
  const details = new Map([...hosts.values()].map((h) => [h, h.runId ? call(core, 'checks.run', { runId: h.runId }) : null]));
  const allPassed = [...hosts.values()].every(
    (h) => h.outcome === 'completed' && h.counts !== null && h.counts.fail === 0 && h.counts.error === 0,
  );
  const lines: string[] = [];
  const say = options.out === undefined ? (line: string) => io.out(line) : (line: string) => lines.push(line);
  if (options.report) {
    const reports: HostReport[] = [...details].map(([h, d]) => ({
      host: h.label,
      outcome: h.outcome ?? 'error',
      message: h.outcome === 'completed' ? null : h.message,
      durationMs: d?.durationMs ?? 0,
      results: d?.results ?? [],
    }));
    say((options.report === 'junit' ? junitReport(reports) : tapReport(reports)).replace(/\n$/, ''));
  } else if (options.json) {
    const report = {
      site: { code: site.code, name: site.name, deployment: site.deployment },
      passed: allPassed,
      hosts: [...details].map(([h, d]) => ({
        host: h.label,
        targetId: h.targetId,
        outcome: h.outcome,
        message: h.message,
        runId: h.runId,
        counts: h.counts,
        hostKey: h.hostKey,
        expectedFingerprint: h.expectedFingerprint,
        facts: d?.facts ?? null,
        results: d?.results ?? [],
      })),
    };
    say(JSON.stringify(report, null, 2));
  } else {
    say(`${site.code} ${site.name} (${site.deployment}): ${hosts.size} machine${hosts.size === 1 ? '' : 's'}`);
    for (const [h, d] of details) printHost(say, h, d);
    say(allPassed ? 'All requirements passed.' : 'Not everything passed.');
  }
  if (options.out !== undefined) {
    fs.writeFileSync(options.out, `${lines.join('\n')}\n`);
    io.err(`${allPassed ? 'All requirements passed' : 'Not everything passed'}; report written to ${options.out}`);
  }
  return allPassed ? 0 : 1;
}
