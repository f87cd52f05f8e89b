import fs from 'node:fs';
import { readAdhocRequirements, type AdhocRequirements } from '../../core/checks/adhoc/adhoc-requirements';
import {
  AdhocInputError,
  distinctLabels,
  parseTargetSpec,
  readInventoryTargets,
  readTargetsFile,
  type AdhocTarget,
} from '../../core/checks/adhoc/adhoc-targets';
import { DEFAULT_USER_KNOWN_HOSTS, SYSTEM_KNOWN_HOSTS, type AcceptedKey } from '../../core/checks/adhoc/known-hosts-policy';
import { runAdhocChecks } from '../../core/checks/adhoc/run-adhoc';
import { approvalItemsFor } from '../../shared/checks/plan-approval';
import { defaultCheckParts } from '../../core/checks/jobs/default-check-parts';
import { openCore, type OutpostCore } from '../../core/outpost-core';
import { adhocReport, hostKeyRefused, hostPassed, type CheckFormat } from './check-adhoc-output';
import { dryRunReport } from './check-adhoc-dry-run';
import { matchSiteTargets, storeAdhocRuns, type AdhocSiteStore } from './check-adhoc-site';
import type { CliIo } from './command';

export interface AdhocCheckOptions {
  targets: readonly string[];
  targetsFile: string | undefined;
  inventory: string | undefined;
  limit: string | undefined;
  requirements: string;
  identity: string | undefined;
  passwordStdin: boolean;
  knownHosts: string | undefined;
  acceptNew: boolean;
  sudo: boolean;
  concurrency: number;
  format: CheckFormat;
  out: string | undefined;
  dryRun: boolean;
  approveCommands: boolean;
  /** --site CODE (with --deployment, --data-dir): store the runs in that site's targets' history. */
  site?: { code: string; deployment: string | undefined; dataDir: string } | undefined;
}

function chooseTargets(options: AdhocCheckOptions): AdhocTarget[] {
  const targets =
    options.inventory !== undefined
      ? readInventoryTargets(options.inventory, options.limit)
      : options.targetsFile !== undefined
        ? readTargetsFile(options.targetsFile)
        : options.targets.map(parseTargetSpec);
  if (targets.length === 0)
    throw new AdhocInputError(
      options.limit !== undefined ? `--limit ${options.limit} matches no host of ${options.inventory}` : 'No hosts to check',
    );
  return distinctLabels(targets);
}

/** --password-stdin: the first line of standard input (a pipe or a file; never echoed or logged). */
async function readPasswordLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new AdhocInputError('--password-stdin: standard input is empty');
  return line;
}

function emit(io: CliIo, text: string, out: string | undefined): void {
  if (out === undefined) io.out(text.replace(/\n$/, ''));
  else fs.writeFileSync(out, text);
}

/**
 * `outpost check --target … | --targets FILE | --inventory FILE`: checks machines that are in no
 * deployment against a requirements file, with the Machines tab's collector, evaluator and limits.
 * Exit status: 0 all passed, 1 a requirement failed or a host could not be checked, 2 a usage
 * error or a refused host key (unknown without --accept-new, or changed).
 */
export async function checkAdhoc(io: CliIo, options: AdhocCheckOptions): Promise<number> {
  const targets = chooseTargets(options);
  const requirements = await readAdhocRequirements(options.requirements);
  const knownHostsFile = options.knownHosts ?? DEFAULT_USER_KNOWN_HOSTS;
  const core = options.site ? openCore({ dataDir: options.site.dataDir, shell: 'test' }) : null;
  try {
    const store = core && options.site ? matchSiteTargets(core, options.site.code, options.site.deployment, targets) : null;
    return await check(io, options, targets, requirements, knownHostsFile, store && core ? { core, store } : null);
  } finally {
    core?.close();
  }
}

/**
 * Commands and file reads outside the allow-list run only with --approve-commands: the person
 * running the check approves them by giving it, after reading them here. Without it nothing is
 * checked (exit 2, as in site mode), so a CI job that forgot the flag fails instead of passing
 * with its commands unchecked.
 */
function refuseUnapproved(io: CliIo, requirements: AdhocRequirements, options: AdhocCheckOptions): void {
  const items = approvalItemsFor(requirements.requirements);
  if (items.length === 0 || options.approveCommands) return;
  const runAs = options.sudo ? 'the SSH user (sudo)' : 'the SSH user';
  const commands = items.filter((i) => i.kind === 'command');
  const files = items.filter((i) => i.kind === 'file');
  if (commands.length)
    io.err(
      [`${options.requirements} will run these commands on every host as ${runAs}:`, ...commands.map((c) => `  $ ${c.text}`)].join('\n'),
    );
  if (files.length)
    io.err([`${options.requirements} will read these files on every host as ${runAs}:`, ...files.map((f) => `  ${f.text}`)].join('\n'));
  throw new AdhocInputError(
    'read the commands and file reads above, then run again with --approve-commands to approve them. Nothing was checked.',
  );
}

async function check(
  io: CliIo,
  options: AdhocCheckOptions,
  targets: AdhocTarget[],
  requirements: AdhocRequirements,
  knownHostsFile: string,
  site: { core: OutpostCore; store: AdhocSiteStore } | null,
): Promise<number> {
  if (options.dryRun) {
    const input = {
      file: options.requirements,
      requirements,
      targets,
      sudo: options.sudo,
      approveCommands: options.approveCommands,
      knownHostsFile,
      acceptNew: options.acceptNew,
    };
    emit(io, dryRunReport(input, options.format === 'json' ? 'json' : 'text'), options.out);
    return 0;
  }
  refuseUnapproved(io, requirements, options);
  const password = options.passwordStdin ? await readPasswordLine() : null;
  const accepted: AcceptedKey[] = [];
  const hosts = await runAdhocChecks(
    defaultCheckParts,
    {
      targets,
      requirements: requirements.requirements,
      credentials: { identityFile: options.identity ?? null, password, agentSocket: process.env.SSH_AUTH_SOCK || null },
      sudo: options.sudo,
      concurrency: options.concurrency,
      knownHosts: {
        file: knownHostsFile,
        readOnly: options.knownHosts === undefined ? [SYSTEM_KNOWN_HOSTS] : [],
        acceptNew: options.acceptNew,
      },
      approveCommands: options.approveCommands,
    },
    accepted,
  );
  emit(io, adhocReport(options.format, hosts, requirements, accepted), options.out);
  if (site) io.err(`Stored ${storeAdhocRuns(site.core, site.store, hosts).length} runs at site ${site.store.siteCode}.`);
  if (options.out !== undefined) {
    const passed = hosts.filter(hostPassed).length;
    io.err(`${passed} of ${hosts.length} host${hosts.length === 1 ? '' : 's'} passed; ${options.format} report written to ${options.out}`);
  }
  // A refused key is said on stderr too when the report is not the table, so it is always seen.
  if (options.format !== 'table' || options.out !== undefined)
    for (const h of hosts.filter(hostKeyRefused))
      io.err(
        `outpost check: ${h.target.label}: ${h.outcome === 'host_key_changed' ? `HOST KEY CHANGED: expected ${h.expectedFingerprint}, got ${h.hostKey?.fingerprint}` : `unknown host key ${h.hostKey?.fingerprint} (not in ${knownHostsFile}; --accept-new trusts it)`}`,
      );
  if (hosts.some(hostKeyRefused)) return 2;
  return hosts.every(hostPassed) ? 0 : 1;
}
