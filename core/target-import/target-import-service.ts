import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { TARGET_PREVIEW_MAX_ROWS, TARGET_PREVIEW_MAX_SKIPPED } from '../../shared/target-import/limits';
import type { TargetImportPreview } from '../../shared/contract/target-import-methods';
import { resolveTargets, type ExistingTarget, type TargetRow } from '../../shared/target-import/resolve-targets';
import type { TargetSiteRef } from '../../shared/target-import/site-match';
import { insertMachines, patchMachine } from '../authoring/machine-authoring';
import { uploadChunk } from '../inventory-import/import-service';
import { DomainError, notFound } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { inventoryText, readInventory, type ReadInventory } from './read-inventory';
import type { TargetImportStore, TargetPreviewEntry } from './target-import-store';

export function uploadTargetChunk(
  store: TargetImportStore,
  input: ApiParsedInput<'targetImport.upload'>,
): ApiOutput<'targetImport.upload'> {
  return uploadChunk(store.uploads, input);
}

function deploymentSites(ctx: ServiceContext, deploymentId: string): TargetSiteRef[] {
  if (!ctx.sqlite.prepare('SELECT 1 FROM deployments WHERE id = ?').get(deploymentId)) throw notFound('Deployment', deploymentId);
  return ctx.sqlite.prepare('SELECT id, code, name FROM sites WHERE deployment_id = ? ORDER BY code').all(deploymentId) as TargetSiteRef[];
}

function deploymentTargets(ctx: ServiceContext, deploymentId: string): ExistingTarget[] {
  return ctx.sqlite
    .prepare(
      `SELECT t.id, t.site_id AS siteId, t.host_name AS hostName, t.address, t.port, t.username, t.role
       FROM target_machines t JOIN sites s ON s.id = t.site_id WHERE s.deployment_id = ? ORDER BY t.created_at, t.id`,
    )
    .all(deploymentId) as ExistingTarget[];
}

/** Every host checked against the deployment as it is now. */
function resolveEntry(ctx: ServiceContext, entry: TargetPreviewEntry): TargetRow[] {
  return resolveTargets({
    hosts: entry.hosts,
    sites: deploymentSites(ctx, entry.deploymentId),
    existing: deploymentTargets(ctx, entry.deploymentId),
    assignments: entry.assignments,
    defaultSiteId: entry.defaultSiteId,
  });
}

function toPreview(ctx: ServiceContext, entry: TargetPreviewEntry): TargetImportPreview {
  const rows = resolveEntry(ctx, entry);
  const counts = { new: 0, update: 0, unchanged: 0, unmapped: 0, error: 0 };
  for (const r of rows) counts[r.status] += 1;
  // Rows that need attention first, so they are never cut off; shown in file order.
  const flagged = rows.filter((r) => r.status === 'error' || r.status === 'unmapped');
  const rest = rows.filter((r) => r.status !== 'error' && r.status !== 'unmapped');
  const shown = new Set([...flagged, ...rest].slice(0, TARGET_PREVIEW_MAX_ROWS));
  const skipped = entry.hosts.flatMap((h) => h.skipped);
  return {
    previewId: entry.id,
    fileName: entry.fileName,
    source: entry.source,
    format: entry.format,
    columns: entry.table ? entry.table.headers.map((header, i) => ({ header, field: entry.table!.mapping[i] ?? 'ignore' })) : null,
    hostCount: rows.length,
    counts,
    hosts: rows.filter((r) => shown.has(r)),
    hostsTruncated: shown.size < rows.length,
    skippedSecrets: skipped.slice(0, TARGET_PREVIEW_MAX_SKIPPED),
    skippedSecretCount: skipped.length,
    defaultSiteId: entry.defaultSiteId,
    expiresAt: new Date(entry.expiresAt).toISOString(),
  };
}

function takeFile(store: TargetImportStore, input: ApiParsedInput<'targetImport.preview'>): Buffer {
  if (input.dataBase64 !== undefined) return Buffer.from(input.dataBase64, 'base64');
  const upload = store.uploads.uploads.get(input.uploadId ?? '');
  if (!upload) throw new DomainError('not_found', `Upload ${input.uploadId ?? ''} does not exist (or expired)`);
  store.uploads.uploads.delete(input.uploadId ?? '');
  return Buffer.concat(upload.chunks, upload.bytes);
}

function checkSiteChoices(
  ctx: ServiceContext,
  deploymentId: string,
  input: { assignments?: { siteId: string }[] | undefined; defaultSiteId?: string | null | undefined },
): void {
  const ids = new Set(deploymentSites(ctx, deploymentId).map((s) => s.id));
  for (const id of [...(input.assignments ?? []).map((a) => a.siteId), input.defaultSiteId ?? null]) {
    if (id !== null && !ids.has(id)) throw new DomainError('not_found', `Site ${id} is not part of this deployment`);
  }
}

function newEntry(
  ctx: ServiceContext,
  store: TargetImportStore,
  base: Pick<TargetPreviewEntry, 'deploymentId' | 'fileName' | 'source' | 'text'>,
  read: ReadInventory,
): TargetPreviewEntry {
  return { id: ctx.newId(), ...base, ...read, assignments: new Map(), defaultSiteId: null, expiresAt: store.expiry() };
}

/** Reads a file (or an earlier preview with other choices) and resolves every host; writes nothing. */
export function previewTargets(
  ctx: ServiceContext,
  store: TargetImportStore,
  input: ApiParsedInput<'targetImport.preview'>,
): TargetImportPreview {
  store.sweep();
  checkSiteChoices(ctx, input.deploymentId, input);
  let entry: TargetPreviewEntry;
  if (input.previewId !== undefined) {
    const earlier = store.preview(input.previewId);
    if (!earlier || earlier.deploymentId !== input.deploymentId)
      throw new DomainError('not_found', 'That preview expired; choose the file again');
    entry = earlier;
    if (entry.text !== null && (input.format !== undefined || input.mapping !== undefined)) {
      const formatChanged = input.format !== undefined && input.format !== entry.format;
      Object.assign(
        entry,
        readInventory(entry.text, entry.fileName, input.format ?? entry.format, formatChanged ? undefined : input.mapping),
      );
    }
  } else {
    const text = inventoryText(takeFile(store, input), input.fileName);
    entry = newEntry(
      ctx,
      store,
      { deploymentId: input.deploymentId, fileName: input.fileName, source: 'file', text },
      readInventory(text, input.fileName, input.format, input.mapping),
    );
    store.previews.set(entry.id, entry);
  }
  if (input.assignments !== undefined) entry.assignments = new Map(input.assignments.map((a) => [a.hostName, a.siteId]));
  if (input.defaultSiteId !== undefined) entry.defaultSiteId = input.defaultSiteId;
  entry.expiresAt = store.expiry();
  return toPreview(ctx, entry);
}

/** The JSON of `ansible-inventory --list`, read like a file (the output itself is never stored). */
export function previewAnsibleOutput(
  ctx: ServiceContext,
  store: TargetImportStore,
  deploymentId: string,
  source: string,
  json: string,
): TargetImportPreview {
  store.sweep();
  deploymentSites(ctx, deploymentId);
  const entry = newEntry(
    ctx,
    store,
    { deploymentId, fileName: source, source: 'ansible-inventory', text: null },
    readInventory(json, source, 'ansible-json', undefined),
  );
  store.previews.set(entry.id, entry);
  return toPreview(ctx, entry);
}

/** All hosts or none: checked again against the data as it is now, then written through machine authoring. */
export function commitTargets(
  outer: ServiceContext,
  store: TargetImportStore,
  input: { previewId: string },
): ApiOutput<'targetImport.commit'> {
  // One person does the whole import: their name is read once, not for every row and activity entry.
  const actor = outer.actor();
  const ctx: ServiceContext = { ...outer, actor: () => actor };
  const entry = store.preview(input.previewId);
  if (!entry) throw new DomainError('not_found', 'That preview expired; choose the file again');
  const rows = resolveEntry(ctx, entry);
  const bad = rows.filter((r) => r.status === 'error');
  if (bad.length > 0)
    throw new DomainError(
      'rule',
      `Nothing imported: ${bad.length} host${bad.length === 1 ? ' has' : 's have'} errors (first: ${bad[0]!.hostName || `line ${bad[0]!.line ?? '?'}`}: ${bad[0]!.errors[0] ?? ''})`,
    );
  const unmapped = rows.filter((r) => r.status === 'unmapped');
  if (unmapped.length > 0)
    throw new DomainError(
      'rule',
      `Nothing imported: ${unmapped.length} host${unmapped.length === 1 ? ' has' : 's have'} no site (first: ${unmapped[0]!.hostName}); choose their sites`,
    );
  if (rows.length === 0) throw new DomainError('rule', 'Nothing imported: the inventory has no hosts');
  const perSite = new Map<string, { created: number; updated: number }>();
  let unchanged = 0;
  const inserts: Parameters<typeof insertMachines>[1][number][] = [];
  for (const r of rows) {
    const siteId = r.siteId!;
    const tally = perSite.get(siteId) ?? { created: 0, updated: 0 };
    perSite.set(siteId, tally);
    const fields = { hostName: r.hostName, address: r.address, port: r.port, username: r.username, role: r.role };
    if (r.machineId === null) {
      inserts.push({ siteId, ...fields, inventoryItemId: null });
      tally.created += 1;
    } else if (r.changes.length > 0) {
      patchMachine(ctx, { machineId: r.machineId, address: r.address, port: r.port, username: r.username, role: r.role });
      tally.updated += 1;
    } else unchanged += 1;
  }
  insertMachines(ctx, inserts);
  const sites: ApiOutput<'targetImport.commit'>['sites'] = [];
  for (const [siteId, tally] of perSite) {
    if (tally.created + tally.updated === 0) continue;
    recordActivity(ctx, {
      action: 'targets_imported',
      entity: 'site',
      entityId: siteId,
      siteId,
      detail: { fileName: entry.fileName, source: entry.source, created: tally.created, updated: tally.updated },
    });
    sites.push({ siteId, ...tally });
  }
  store.previews.delete(entry.id);
  return { created: sites.reduce((n, s) => n + s.created, 0), updated: sites.reduce((n, s) => n + s.updated, 0), unchanged, sites };
}
