import type { CliCommand, CliIo } from './command';
import { IMPORT_SITES_USAGE, planImportSites } from './plan-import-sites';
import { IMPORT_TARGETS_USAGE, planImportTargets } from './plan-import-targets';

/** One `outpost plan <sub-command>`: its usage text and its run function (returns the exit code). */
interface PlanSubCommand {
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Add a sub-command by writing its file and listing it here. */
const PLAN_SUB_COMMANDS: Readonly<Record<string, PlanSubCommand>> = {
  'import-sites': { usage: IMPORT_SITES_USAGE, run: planImportSites },
  'import-targets': { usage: IMPORT_TARGETS_USAGE, run: planImportTargets },
};

function planUsage(): string {
  const lines = Object.values(PLAN_SUB_COMMANDS).map((s) => `  ${s.usage.split('\n')[0]}`);
  return [
    'outpost plan <sub-command> [options]',
    '',
    'Edits a deployment plan from files, the same way as the app:',
    ...lines,
    '',
    'outpost plan <sub-command> --help for its options. Exit status 2 on a usage error.',
  ].join('\n');
}

/** `outpost plan`: the deployment overview's plan authoring (imports) from a terminal. */
export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'Import sites or targets into a deployment plan',
  usage: planUsage(),
  async run(args, io) {
    const [name, ...rest] = args;
    const sub = name === undefined ? undefined : PLAN_SUB_COMMANDS[name];
    if (!sub) {
      io.err(`${name === undefined ? 'Give a sub-command' : `Unknown sub-command "${name}"`}.\n\n${planUsage()}`);
      return 2;
    }
    if (rest.includes('--help')) {
      io.out(sub.usage);
      return 0;
    }
    return sub.run(rest, io);
  },
};
