import { approvalItemsFor } from '../../shared/checks/plan-approval';
import type { AdhocRequirements } from '../../core/checks/adhoc/adhoc-requirements';
import type { AdhocTarget } from '../../core/checks/adhoc/adhoc-targets';
import { requirementsForHost } from '../../core/checks/adhoc/run-adhoc';

export interface DryRunInput {
  file: string;
  requirements: AdhocRequirements;
  targets: readonly AdhocTarget[];
  sudo: boolean;
  approveCommands: boolean;
  knownHostsFile: string;
  acceptNew: boolean;
}

const hostLine = (t: AdhocTarget, sudo: boolean) =>
  `${t.user ?? '(your user name)'}@${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}${sudo || t.sudo ? ' (sudo -n)' : ''}${t.role ? ` role ${t.role}` : ''}`;

/**
 * What `--dry-run` prints, without connecting anywhere: the hosts, every requirement it would
 * check, those held back for approval, and every part of the file that is not checked, with why.
 */
export function dryRunReport(input: DryRunInput, format: 'text' | 'json'): string {
  const { requirements: file, targets } = input;
  const held = new Set(input.approveCommands ? [] : approvalItemsFor(file.requirements).map((i) => i.requirementId));
  const approvals = approvalItemsFor(file.requirements);
  const unused = file.requirements.filter((r) => r.role !== null && !targets.some((t) => requirementsForHost([r], t).length > 0));
  const skipped = [
    ...file.skipped,
    ...file.requirements
      .filter((r) => held.has(r.id))
      .map((r) => ({
        path: r.source,
        reason: `${r.kind === 'command' ? 'runs a command' : 'reads a file outside the allow-list'}: needs --approve-commands`,
      })),
    ...unused.map((r) => ({ path: r.source, reason: `applies to role "${r.role}" only, and no host has that outpost_role` })),
  ];
  if (format === 'json') {
    return `${JSON.stringify({ dryRun: true, requirementsFile: input.file, requirementsFormat: file.format, hosts: targets.map((t) => ({ host: t.label, address: t.host, port: t.port, user: t.user, sudo: input.sudo || t.sudo, role: t.role })), requirements: file.requirements.map((r) => ({ ...r, held: held.has(r.id) })), needsApproval: approvals, skipped }, null, 2)}\n`;
  }
  const lines = [
    `Dry run: nothing is connected to. ${input.file} read as ${file.format === 'gossfile' ? 'a gossfile' : 'an Outpost plan template'}.`,
    '',
    `Hosts (${targets.length}):`,
  ];
  for (const t of targets) lines.push(`  ${t.label.padEnd(24)} ${hostLine(t, input.sudo)}`);
  lines.push(
    `Host keys: checked against ${input.knownHostsFile}${input.acceptNew ? '; unknown keys are accepted and appended to it' : '; unknown keys are refused'}.`,
    '',
    `Requirements (${file.requirements.length}):`,
  );
  for (const r of file.requirements)
    lines.push(
      `  ${r.id} ${r.kind.padEnd(12)} ${r.description}${r.role ? `  [role ${r.role}]` : ''}${held.has(r.id) ? '  (held: needs --approve-commands)' : ''}`,
    );
  if (approvals.length > 0) {
    lines.push(
      '',
      input.approveCommands
        ? 'Approved by you with --approve-commands; these run on every host:'
        : 'These run only with --approve-commands (by giving it you approve them):',
    );
    for (const a of approvals) lines.push(`  ${a.kind === 'command' ? '$' : 'read'} ${a.text}`);
  }
  lines.push('', `Not checked (${skipped.length}):`);
  for (const s of skipped) lines.push(`  ${s.path}: ${s.reason}`);
  if (skipped.length === 0) lines.push('  (nothing)');
  return `${lines.join('\n')}\n`;
}
