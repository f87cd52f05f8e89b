import { parseArgs } from 'node:util';
import { AdhocInputError } from '../../core/checks/adhoc/adhoc-input-error';
import { openCore } from '../../core/outpost-core';
import { CHECK_CONCURRENCY_DEFAULT, CHECK_CONCURRENCY_MAX } from '../../shared/contract/checks-methods';
import { CHECK_FORMATS, type CheckFormat } from './check-adhoc-output';
import { checkSite, NeedsApproval } from './check-site';
import { cliDataDir, UsageError } from './cli-support';
import type { CliCommand } from './command';

const USAGE = `outpost check (--target USER@HOST[:PORT] … | --targets FILE | --inventory FILE [--limit PATTERN])
              --requirements FILE [--identity FILE] [--password-stdin] [--known-hosts FILE] [--accept-new]
              [--sudo] [--approve-commands] [--concurrency N] [--format table|json|junit|tap] [--out FILE] [--dry-run]
              [--site CODE [--deployment NAME] [--data-dir DIR]]
outpost check --site CODE [--deployment NAME] [--data-dir DIR] [--concurrency N] [--format table|json|junit|tap] [--out FILE]
              [--trust-new-host-keys] [--approve-commands]

Ad-hoc (no deployment needed, nothing stored): checks the hosts over SSH against a requirements
file, with the same collector, evaluator and limits as the Machines tab.
  --target USER@HOST[:PORT]  a host (repeat it); [ADDR]:PORT for IPv6. Without USER@, your user name
  --targets FILE             one USER@HOST[:PORT] per line (# comments)
  --inventory FILE           an Ansible inventory (INI, YAML or ansible-inventory --list JSON): uses
                             ansible_host, ansible_port, ansible_user, ansible_become,
                             ansible_ssh_private_key_file and outpost_role; secrets in it are never read
  --limit PATTERN            Ansible --limit: host or group names, *, a:b, a:&b, a:!b
  --requirements FILE        a gossfile (YAML or JSON; gossfile: includes followed, relative to it) or an
                             Outpost plan template (Plan → Export template; role requirements apply to
                             inventory hosts with that outpost_role). What cannot be checked is listed
  --identity FILE            private key (else ansible_ssh_private_key_file, --password-stdin, the
                             ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa)
  --password-stdin           read the password (or the key's passphrase) from the first line of stdin
  --known-hosts FILE         the known_hosts file (default ~/.ssh/known_hosts, and
                             /etc/ssh/ssh_known_hosts read only). A changed key is always refused
  --accept-new               as OpenSSH's StrictHostKeyChecking=accept-new: trust hosts with no key in
                             the file and append their key to it; never a changed key
  --sudo                     run the probe with sudo -n (facts that need root)
  --approve-commands         you approve the file's commands and reads of files outside the allow-list;
                             without it they are printed and nothing is checked (exit 2)
  --format FORMAT            table (default), json (facts and results per host), junit (a testsuite per
                             host, a testcase per requirement), tap (TAP 13)
  --out FILE                 write the report to FILE (a one-line summary goes to stderr)
  --dry-run                  print the hosts, the requirements and every part not checked, with why;
                             connects to nothing
  --site CODE                store the runs in the history of that site's target machines (each host
                             must be one of them: same address or host name, and port; --deployment
                             NAME, --data-dir DIR). Without --site nothing is stored

Site (a local deployment): checks every target machine of the site against the deployment's
requirements and stores the runs (the same job runner as the Machines tab).
  --trust-new-host-keys  trust host keys seen for the first time (never a changed key)
  --approve-commands     approve the plan's commands and file reads (printed first) for these
                         machines; without it, a plan with unapproved ones is not checked (exit 2)
Exit status: 0 all passed, 1 a requirement failed or a host could not be checked, 2 usage error,
a refused host key (ad-hoc: unknown without --accept-new, or changed) or commands that need approval (site).`;

const OPTIONS = {
  site: { type: 'string' },
  deployment: { type: 'string' },
  'data-dir': { type: 'string' },
  concurrency: { type: 'string' },
  json: { type: 'boolean', default: false },
  'trust-new-host-keys': { type: 'boolean', default: false },
  'approve-commands': { type: 'boolean', default: false },
  target: { type: 'string', multiple: true },
  targets: { type: 'string' },
  inventory: { type: 'string' },
  limit: { type: 'string' },
  requirements: { type: 'string' },
  identity: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  'known-hosts': { type: 'string' },
  'accept-new': { type: 'boolean', default: false },
  sudo: { type: 'boolean', default: false },
  format: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>>['values'];

const ADHOC_ONLY = ['requirements', 'limit', 'identity', 'password-stdin', 'known-hosts', 'accept-new', 'sudo', 'dry-run'] as const;

/** Which mode the options ask for, or why they make no sense together. */
function mode(values: Values): 'adhoc' | 'site' {
  const sources = [
    values.target?.length ? '--target' : null,
    values.targets !== undefined ? '--targets' : null,
    values.inventory !== undefined ? '--inventory' : null,
  ].filter((s) => s !== null);
  if (sources.length > 1) throw new UsageError(`Give one of ${sources.join(', ')}, not several`);
  if (sources.length === 0) {
    const adhoc = ADHOC_ONLY.filter((name) => values[name] !== undefined && values[name] !== false);
    if (!values.site) throw new UsageError('Give the hosts (--target, --targets or --inventory) and --requirements, or --site CODE');
    if (adhoc.length > 0)
      throw new UsageError(
        `--${adhoc[0]} needs --target, --targets or --inventory (a site is checked against its deployment's requirements)`,
      );
    return 'site';
  }
  if (values.requirements === undefined) throw new UsageError('--requirements FILE is required');
  if (values.limit !== undefined && values.inventory === undefined) throw new UsageError('--limit needs --inventory');
  if (values['trust-new-host-keys']) throw new UsageError('--trust-new-host-keys is for --site; ad-hoc checks use --accept-new');
  if ((values.deployment !== undefined || values['data-dir'] !== undefined) && values.site === undefined)
    throw new UsageError('--deployment and --data-dir go with --site');
  return 'adhoc';
}

function concurrencyOf(text: string | undefined): number {
  const n = text === undefined ? CHECK_CONCURRENCY_DEFAULT : Number(text);
  if (!Number.isInteger(n) || n < 1 || n > CHECK_CONCURRENCY_MAX)
    throw new UsageError(`--concurrency must be a whole number from 1 to ${CHECK_CONCURRENCY_MAX}`);
  return n;
}

function formatOf(values: Values): CheckFormat {
  if (values.json && values.format !== undefined && values.format !== 'json') throw new UsageError('--json and --format disagree');
  const format = values.format ?? (values.json ? 'json' : 'table');
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${CHECK_FORMATS.join(', ')}`);
  return format as CheckFormat;
}

/** `outpost check`: ad-hoc hosts against a requirements file, or a local deployment's site. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check machines over SSH: ad-hoc hosts against a gossfile, or a site of a deployment',
  usage: USAGE,
  async run(args, io) {
    let values: Values;
    let chosen: 'adhoc' | 'site';
    let concurrency: number;
    let format: CheckFormat;
    try {
      values = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }).values;
      chosen = mode(values);
      concurrency = concurrencyOf(values.concurrency);
      format = formatOf(values);
    } catch (error) {
      io.err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (chosen === 'adhoc') {
      try {
        // SSH, YAML and inventory readers load only for an ad-hoc check, not for every `outpost` command.
        const { checkAdhoc } = await import('./check-adhoc');
        return await checkAdhoc(io, {
          targets: values.target ?? [],
          targetsFile: values.targets,
          inventory: values.inventory,
          limit: values.limit,
          requirements: values.requirements!,
          identity: values.identity,
          passwordStdin: values['password-stdin'],
          knownHosts: values['known-hosts'],
          acceptNew: values['accept-new'],
          sudo: values.sudo,
          concurrency,
          format,
          out: values.out,
          dryRun: values['dry-run'],
          approveCommands: values['approve-commands'],
          site:
            values.site === undefined
              ? undefined
              : { code: values.site, deployment: values.deployment, dataDir: cliDataDir(values['data-dir']) },
        });
      } catch (error) {
        io.err(`outpost check: ${(error as Error).message}`);
        return error instanceof AdhocInputError || error instanceof UsageError ? 2 : 1;
      }
    }
    const core = openCore({ dataDir: cliDataDir(values['data-dir']), shell: 'test' });
    try {
      return await checkSite(core, io, {
        site: values.site!,
        deployment: values.deployment,
        concurrency,
        json: format === 'json',
        report: format === 'junit' || format === 'tap' ? format : undefined,
        out: values.out,
        trustNew: values['trust-new-host-keys'],
        approve: values['approve-commands'],
      });
    } catch (error) {
      io.err(`outpost check: ${(error as Error).message}`);
      return error instanceof UsageError || error instanceof NeedsApproval ? 2 : 1;
    } finally {
      core.close();
    }
  },
};
