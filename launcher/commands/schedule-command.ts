import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, type OutpostCore } from '../../core/outpost-core';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import type { CalendarFile } from '../../shared/contract/calendar-methods';
import type { CliCommand } from './command';
import { cliDataDir, deploymentIdByName, UsageError } from './cli-support';

export const SCHEDULE_EXPORT_USAGE = `outpost schedule export --deployment NAME [--site CODE | --technician NAME] [--out FILE.ics] [--data-dir DIR]

Writes a calendar file (.ics), the same as the app's calendar buttons:
  (neither)          the deployment's calendar: every site window; sites rolled back or removed
                     since an earlier export as cancelled events
  --site CODE        the site owner's calendar (a CANCEL once the site is rolled back)
  --technician NAME  the technician's windows across every deployment on this device
  --out FILE.ics     where to write it (default: the file name the app uses, in the current folder)
Each export records what it sent, so a changed window goes out with a higher SEQUENCE.
Exit status: 0 written, 1 nothing to export (no windows yet) or an unknown site or technician,
2 usage error (options, an unknown deployment, a profile that may not export it).`;

class NothingToExport extends Error {}

function call<M extends ApiMethod>(core: OutpostCore, method: M, input: ApiInput<M>): ApiOutput<M> {
  const result = core.dispatch(method, input);
  if (!result.ok) {
    // The plan has nothing to send (no window, no such technician): 1. Who may, and bad input: 2.
    throw new (['rule', 'not_found'].includes(result.error.code) ? NothingToExport : UsageError)(result.error.message);
  }
  return result.value as ApiOutput<M>;
}

function findDeployment(core: OutpostCore, name: string): string {
  return deploymentIdByName(call(core, 'deployments.list', {}), name);
}

function exportFile(core: OutpostCore, values: { deployment: string; site?: string; technician?: string }): CalendarFile {
  const deploymentId = findDeployment(core, values.deployment);
  if (values.technician !== undefined) return call(core, 'calendar.technician', { name: values.technician });
  if (values.site === undefined) return call(core, 'calendar.deployment', { deploymentId });
  const site = call(core, 'sites.list', { deploymentId }).find((s) => s.code.toLowerCase() === values.site!.toLowerCase());
  if (!site) throw new NothingToExport(`No site has the code "${values.site}" in "${values.deployment}"`);
  return call(core, 'calendar.siteOwner', { siteId: site.id });
}

/** `outpost schedule export`: the calendar buttons from a terminal. */
async function scheduleExport(args: readonly string[], io: Parameters<CliCommand['run']>[1]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        deployment: { type: 'string' },
        site: { type: 'string' },
        technician: { type: 'string' },
        out: { type: 'string' },
        'data-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${SCHEDULE_EXPORT_USAGE}`);
    return 2;
  }
  const problem = !values.deployment
    ? '--deployment NAME is required'
    : values.site !== undefined && values.technician !== undefined
      ? 'Give --site or --technician, not both'
      : null;
  if (problem) {
    io.err(`${problem}\n\n${SCHEDULE_EXPORT_USAGE}`);
    return 2;
  }
  const core = openCore({ dataDir: cliDataDir(values['data-dir']), shell: 'test' });
  try {
    const file = exportFile(core, {
      deployment: values.deployment!,
      ...(values.site !== undefined ? { site: values.site } : {}),
      ...(values.technician !== undefined ? { technician: values.technician } : {}),
    });
    const out = values.out ?? path.join(process.cwd(), file.fileName);
    fs.writeFileSync(out, file.text);
    const cancelled = file.cancelledCount > 0 ? ` (${file.cancelledCount} cancelled)` : '';
    io.out(`Wrote ${out}: ${file.method}, ${file.eventCount} event${file.eventCount === 1 ? '' : 's'}${cancelled}.`);
    return 0;
  } catch (error) {
    io.err(`outpost schedule export: ${(error as Error).message}`);
    return error instanceof NothingToExport ? 1 : 2;
  } finally {
    core.close();
  }
}

/** `outpost schedule`: the deployment schedule from a terminal. */
export const scheduleCommand: CliCommand = {
  name: 'schedule',
  summary: 'Export a deployment, site owner or technician calendar (.ics)',
  usage: SCHEDULE_EXPORT_USAGE,
  async run(args, io) {
    const [name, ...rest] = args;
    if (name !== 'export') {
      io.err(`${name === undefined ? 'Give a sub-command' : `Unknown sub-command "${name}"`}.\n\n${SCHEDULE_EXPORT_USAGE}`);
      return 2;
    }
    if (rest.includes('--help')) {
      io.out(SCHEDULE_EXPORT_USAGE);
      return 0;
    }
    return scheduleExport(rest, io);
  },
};
