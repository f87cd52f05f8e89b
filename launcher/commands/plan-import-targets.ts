import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, type OutpostCore } from '../../core/outpost-core';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { IMPORT_CHUNK_MAX_CHARS } from '../../shared/contract/inventory-import-methods';
import type { TargetImportPreview } from '../../shared/contract/target-import-methods';
import { detectTextKind, type TargetImportFormat } from '../../shared/target-import/formats';
import type { CliIo } from './command';
import { cliDataDir, deploymentIdByName, UsageError } from './cli-support';

export const IMPORT_TARGETS_USAGE = `outpost plan import-targets FILE --deployment NAME [--format ansible|netbox|csv] [--site CODE] [--dry-run] [--json] [--data-dir DIR]

Imports target machines from an Ansible inventory (INI, YAML or ansible-inventory --list JSON), a
NetBox device export or a CSV (host_name, address, port, user, role, site) into a deployment, the
same way as "Import targets" in the app: every host or none; a host already at its site is updated
by host name. Secrets in the inventory (passwords, vault values) are never imported: they are listed.
  --format   ansible, netbox or csv (default: detected from the file)
  --site     the site (code) for hosts that no variable, group or host name places
  --dry-run  show what would change; import nothing
  --json     the preview (and result) as JSON
Exit status: 0 imported (or a clean dry run), 1 hosts with errors or without a site, or a file
that is not a readable inventory (nothing imported), 2 usage error (options, a missing file, an
unknown deployment or site, a profile that may not edit the plan).`;

class RowErrors extends Error {}

/** The file's own problems exit 1; who may do it, and what does not exist, are usage errors (2). */
function call<M extends ApiMethod>(core: OutpostCore, method: M, input: ApiInput<M>): ApiOutput<M> {
  const result = core.dispatch(method, input);
  if (!result.ok) {
    const fileProblem = ['validation', 'rule', 'payload_too_large'].includes(result.error.code);
    throw new (fileProblem ? RowErrors : UsageError)(result.error.message);
  }
  return result.value as ApiOutput<M>;
}

function findDeployment(core: OutpostCore, name: string): string {
  return deploymentIdByName(call(core, 'deployments.list', {}), name);
}

function formatOf(option: string | undefined, fileName: string, text: string): TargetImportFormat | undefined {
  if (option === undefined) return undefined;
  if (option === 'netbox' || option === 'csv') return option;
  if (option !== 'ansible') throw new UsageError(`--format must be ansible, netbox or csv, not "${option}"`);
  const kind = detectTextKind(fileName, text);
  return kind === 'table' ? 'ansible-ini' : kind;
}

/** Sends the file in chunks when it does not fit one call, like the app does. */
function preview(
  core: OutpostCore,
  input: { deploymentId: string; fileName: string; format: TargetImportFormat | undefined; defaultSiteId: string | null },
  data: Buffer,
): TargetImportPreview {
  const base = {
    deploymentId: input.deploymentId,
    fileName: input.fileName,
    defaultSiteId: input.defaultSiteId,
    ...(input.format ? { format: input.format } : {}),
  };
  const chunk = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;
  if (data.length <= chunk) return call(core, 'targetImport.preview', { ...base, dataBase64: data.toString('base64') });
  const uploadId = randomUUID();
  for (let index = 0, offset = 0; offset < data.length; index += 1, offset += chunk) {
    call(core, 'targetImport.upload', { uploadId, index, chunkBase64: data.subarray(offset, offset + chunk).toString('base64') });
  }
  return call(core, 'targetImport.preview', { ...base, uploadId });
}

function printPreview(io: CliIo, p: TargetImportPreview): void {
  const c = p.counts;
  io.out(
    `${p.fileName} (${p.format}): ${p.hostCount} hosts · ${c.new} new · ${c.update} to update · ${c.unchanged} unchanged · ${c.unmapped} without a site · ${c.error} with errors`,
  );
  for (const h of p.hosts) {
    const where = h.line === null ? '' : ` (line ${h.line})`;
    if (h.status === 'error') io.out(`  ERROR     ${h.hostName || '(no name)'}${where}: ${h.errors.join('; ')}`);
    else if (h.status === 'unmapped')
      io.out(`  NO SITE   ${h.hostName}${where}: no variable, group or host name names a site (give --site CODE)`);
    else if (h.status === 'update') io.out(`  UPDATE    ${h.hostName} at ${h.siteCode ?? ''}: ${h.changes.join(', ')}`);
  }
  if (p.hostsTruncated) io.out(`  (showing ${p.hosts.length} of ${p.hostCount} hosts)`);
  if (p.skippedSecretCount > 0) {
    io.out(`Secrets not imported (${p.skippedSecretCount}):`);
    // A group's secret applies to each of its hosts: said once, with how many.
    const groupWide = new Map<string, number>();
    for (const s of p.skippedSecrets) {
      if (s.from === 'host' || s.from === 'column') io.out(`  ${s.host}: ${s.variable} (${s.from})`);
      else groupWide.set(`${s.variable} (${s.from})`, (groupWide.get(`${s.variable} (${s.from})`) ?? 0) + 1);
    }
    for (const [what, n] of groupWide) io.out(`  ${what}: ${n} host${n === 1 ? '' : 's'}`);
    if (p.skippedSecretCount > p.skippedSecrets.length) io.out(`  … and ${p.skippedSecretCount - p.skippedSecrets.length} more`);
  }
}

/** `outpost plan import-targets`: the deployment overview's "Import targets" from a terminal. */
export async function planImportTargets(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        deployment: { type: 'string' },
        format: { type: 'string' },
        site: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${IMPORT_TARGETS_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.deployment) {
    io.err(`${positionals.length !== 1 ? 'Give exactly one FILE' : '--deployment NAME is required'}\n\n${IMPORT_TARGETS_USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (error) {
    io.err(`outpost plan import-targets: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return 2;
  }
  const core = openCore({ dataDir: cliDataDir(values['data-dir']), shell: 'test' });
  try {
    const deploymentId = findDeployment(core, values.deployment);
    const fileName = path.basename(file);
    const format = formatOf(values.format, fileName, data.toString('utf8'));
    let defaultSiteId: string | null = null;
    if (values.site !== undefined) {
      const site = call(core, 'sites.list', { deploymentId }).find((s) => s.code.toLowerCase() === values.site!.toLowerCase());
      if (!site) throw new UsageError(`No site has the code "${values.site}" in "${values.deployment}"`);
      defaultSiteId = site.id;
    }
    const p = preview(core, { deploymentId, fileName, format, defaultSiteId }, data);
    const blocked = p.counts.error + p.counts.unmapped > 0;
    const result = blocked || values['dry-run'] ? null : call(core, 'targetImport.commit', { previewId: p.previewId });
    if (values.json) io.out(JSON.stringify({ preview: p, dryRun: values['dry-run'], imported: result }, null, 2));
    else {
      printPreview(io, p);
      if (blocked) io.out('Nothing imported: fix the hosts above (or give --site CODE for hosts without a site).');
      else if (result) io.out(`Imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`);
      else io.out('Dry run: nothing imported.');
    }
    return blocked ? 1 : 0;
  } catch (error) {
    io.err(`outpost plan import-targets: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    core.close();
  }
}
