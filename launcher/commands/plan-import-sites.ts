import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, type OutpostCore } from '../../core/outpost-core';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { IMPORT_CHUNK_MAX_CHARS } from '../../shared/contract/inventory-import-methods';
import type { SiteImportPreview } from '../../shared/contract/site-import-methods';
import { SITE_IMPORT_FIELD_LABEL } from '../../shared/site-import/fields';
import type { CliIo } from './command';
import { cliDataDir, deploymentIdByName, UsageError } from './cli-support';

export const IMPORT_SITES_USAGE = `outpost plan import-sites FILE --deployment NAME [--dry-run] [--json] [--data-dir DIR]

Imports a site list (CSV or XLSX: code, name, address, time zone, wave, window start and end in
site time, owner name / e-mail / phone, technicians, notes) into a deployment, the same way as
"Import sites" in the app: every row or none. A site whose code is already there is updated;
sites the file does not name are left alone; a signed-off site is never changed.
  --dry-run  show what would change; import nothing
  --json     the preview (and result) as JSON
Exit status: 0 imported (or a clean dry run), 1 rows with errors or a file that cannot be read
(nothing imported), 2 usage error (options, a missing file, an unknown deployment, a profile
that may not edit the plan).`;

class FileErrors extends Error {}

type Caller = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;

/** The file's own problems exit 1; who may do it, and what does not exist, are usage errors (2). */
function caller(core: OutpostCore): Caller {
  return async (method, input) => {
    const result = await core.call(method, input);
    if (!result.ok) {
      const fileProblem = ['validation', 'rule', 'payload_too_large'].includes(result.error.code);
      throw new (fileProblem ? FileErrors : UsageError)(result.error.message);
    }
    return result.value as ApiOutput<typeof method>;
  };
}

/**
 * The server's users when this data directory is signed in and the server answers, so technicians
 * are matched by user name as in the app; otherwise none (names stay names).
 */
async function serverUsers(core: OutpostCore): Promise<ApiOutput<'sync.serverUsers'> | undefined> {
  const status = core.dispatch('sync.status', {});
  if (!status.ok || (status.value as ApiOutput<'sync.status'>).account === null) return undefined;
  const users = await core.call('sync.serverUsers', {});
  return users.ok ? (users.value as ApiOutput<'sync.serverUsers'>) : undefined;
}

/** Sends a site list to the core (in chunks when it does not fit one call) and returns its preview. */
export async function previewSiteFile(
  call: Caller,
  input: { deploymentId: string; fileName: string; users?: ApiOutput<'sync.serverUsers'> | undefined },
  data: Buffer,
): Promise<SiteImportPreview> {
  const { users, ...named } = input;
  const base = { ...named, ...(users ? { users } : {}) };
  const chunk = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;
  if (data.length <= chunk) return call('siteImport.preview', { ...base, dataBase64: data.toString('base64') });
  const uploadId = randomUUID();
  for (let index = 0, offset = 0; offset < data.length; index += 1, offset += chunk) {
    await call('siteImport.upload', { uploadId, index, chunkBase64: data.subarray(offset, offset + chunk).toString('base64') });
  }
  return call('siteImport.preview', { ...base, uploadId });
}

async function findDeployment(call: Caller, name: string): Promise<string> {
  return deploymentIdByName(await call('deployments.list', {}), name);
}

function printPreview(io: CliIo, p: SiteImportPreview): void {
  const c = p.counts;
  io.out(
    `${p.fileName} (${p.format}): ${p.rowCount} rows · ${c.new} new · ${c.changed} changed · ${c.unchanged} unchanged · ${p.errorCount} with errors`,
  );
  for (const e of p.fileErrors) io.out(`  FILE      ${e.message}`);
  for (const e of p.rowErrors) io.out(`  ERROR     row ${e.row}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`);
  if (p.errorCount > p.rowErrors.length) io.out(`  … and more rows with errors`);
  for (const s of p.sites) {
    if (s.status === 'new') io.out(`  NEW       ${s.code} ${s.name}`);
    else
      io.out(
        `  CHANGED   ${s.code}: ${s.changes.map((ch) => `${SITE_IMPORT_FIELD_LABEL[ch.field].toLowerCase()}: ${ch.from || '(empty)'} → ${ch.to || '(empty)'}`).join('; ')}`,
      );
  }
  if (p.sitesTruncated) io.out(`  (showing ${p.sites.length} of ${c.new + c.changed} new and changed sites)`);
  if (p.untouchedCount > 0)
    io.out(`${p.untouchedCount} site${p.untouchedCount === 1 ? '' : 's'} of the deployment not in the file: left as they are.`);
  if (p.warningCount > 0) {
    io.out(`Schedule warnings (${p.warningCount}; they do not block the import):`);
    for (const w of p.warnings) io.out(`  ${w.siteCode}: ${w.message}`);
  }
}

/** `outpost plan import-sites`: the deployment overview's "Import sites" from a terminal. */
export async function planImportSites(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        deployment: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${IMPORT_SITES_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.deployment) {
    io.err(`${positionals.length !== 1 ? 'Give exactly one FILE' : '--deployment NAME is required'}\n\n${IMPORT_SITES_USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (error) {
    io.err(`outpost plan import-sites: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return 2;
  }
  const core = openCore({ dataDir: cliDataDir(values['data-dir']), shell: 'test' });
  try {
    const call = caller(core);
    const deploymentId = await findDeployment(call, values.deployment);
    const users = await serverUsers(core);
    const p = await previewSiteFile(call, { deploymentId, fileName: path.basename(file), ...(users ? { users } : {}) }, data);
    const blocked = p.fileErrors.length > 0 || p.errorCount > 0;
    const result = blocked || values['dry-run'] ? null : await call('siteImport.commit', { previewId: p.previewId });
    if (values.json) io.out(JSON.stringify({ preview: p, dryRun: values['dry-run'], imported: result }, null, 2));
    else {
      printPreview(io, p);
      if (blocked) io.out('Nothing imported: fix the rows above.');
      else if (result) io.out(`Imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`);
      else io.out('Dry run: nothing imported.');
    }
    return blocked ? 1 : 0;
  } catch (error) {
    io.err(`outpost plan import-sites: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    core.close();
  }
}
