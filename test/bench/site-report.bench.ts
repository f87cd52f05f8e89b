import { randomUUID } from 'node:crypto';
import crypto from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { openCore, type OutpostCore } from '../../core/outpost-core';
import { partsOf, signedHashOf } from '../../core/site-report/file-hash';
import { deviceKey, type DeviceKey } from '../../core/signoff/device-key';
import { signContent } from '../../core/signoff/sheet-crypto';
import { IMPORT_CHUNK_MAX_CHARS } from '../../shared/contract/inventory-import-methods';
import type { SignedSheet } from '../../shared/domain/signoff';
import type { FileRow, SiteReportFile } from '../../shared/site-report/file-format';
import { syncEntity } from '../../shared/sync/entity-registry';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { tempDataDir, type TestCore } from '../support/temp-core';
import { round } from './stats';

export const SITE_REPORT_FILES = Number(process.env.OUTPOST_BENCH_SITE_REPORTS ?? 2000);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function ok<T>(core: OutpostCore, method: string, input: unknown): T {
  const r = core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A technician's site with realistic field work: ~50 items, a 20-item checklist, issues with events, check runs, a photo, a sign-off (PDF rendered). */
export async function fieldWorkFile(core: OutpostCore): Promise<{ file: SiteReportFile; key: DeviceKey }> {
  ok(core, 'profile.set', { name: 'Bench Technician', role: 'technician' });
  const { deploymentId } = ok<{ deploymentId: string }>(core, 'sample.open', {});
  const [site] = ok<{ id: string }[]>(core, 'sites.list', { deploymentId });
  const siteId = site!.id;
  const items = ok<{ items: { id: string; expectedSerial: string | null }[] }>(core, 'inventory.list', { siteId, limit: 500 }).items;
  for (let i = items.length; i < 50; i += 1)
    ok(core, 'inventory.recordSurplus', { siteId, serial: `BENCH-SURPLUS-${i}`, manufacturer: 'Dell', model: 'R650' });
  for (const item of items.slice(0, Math.max(0, items.length - 3)))
    if (item.expectedSerial) ok(core, 'inventory.receive', { siteId, serial: item.expectedSerial });
  ok(core, 'inventory.setState', { itemId: items[0]!.id, state: 'damaged', note: 'Dented chassis' });
  const checklist = ok<{ phases: { items: { id: string; evidence: string; dependsOn: string | null }[] }[] }>(core, 'checklist.get', {
    siteId,
  });
  for (const item of checklist.phases
    .flatMap((p) => p.items)
    .filter((i) => i.evidence === 'none' || i.evidence === 'note')
    .slice(0, 12)) {
    const r = core.dispatch('checklist.setItemState', { itemId: item.id, state: 'done', note: 'Done on site' });
    void r; // an item whose dependency is open stays to do
  }
  const photo = ok<{ sha256: string }>(core, 'attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(2, 120, 60) });
  for (let n = 0; n < 3; n += 1) {
    const issue = ok<{ id: string }>(core, 'issues.create', {
      siteId,
      title: `Bench issue ${n}`,
      severity: 'medium',
      category: 'hardware',
      blocksSignOff: false,
    });
    ok(core, 'issues.comment', { issueId: issue.id, text: 'Looked at it', attachments: n === 0 ? [photo.sha256] : [] });
    ok(core, 'issues.setStatus', { issueId: issue.id, status: 'resolved', reason: 'Fixed' });
  }
  const test = { ...core, call: (m: string, i: unknown) => ok(core, m, i) } as unknown as TestCore;
  const { sheet } = signSite(test, siteId, { decision: 'accepted_with_exceptions' }) as { sheet: { id: string } };
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (ok<{ status: string }>(core, 'signoff.exportPdf', { sheetId: sheet.id }).status === 'ready') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const exported = ok<{ content: string }>(core, 'siteReports.exportFile', { siteId });
  return { file: JSON.parse(exported.content) as SiteReportFile, key: deviceKey(core.secrets) };
}

export function sitePartitionIds(file: SiteReportFile): Set<string> {
  const ids = new Set<string>();
  for (const row of file.rows) {
    const entity = syncEntity(row.entity)!;
    const inDeployment = entity.partition.kind === 'column' && entity.partition.scope === 'deployment';
    if (row.entity === 'deployments' || row.entity === 'checklist_template_items' || inDeployment) continue;
    if (entity.key.length === 1) ids.add(row.rowId);
  }
  ids.add('0190a000-0000-7000-8000-000000000001');
  return ids;
}

/** The template file as another site: new ids for every site row, another code, its own photo, the sheet and the file signed again. */
export function variant(template: SiteReportFile, ids: Set<string>, key: DeviceKey, i: number): string {
  const map = new Map<string, string>();
  const remap = (text: string) => text.replace(UUID, (m) => (ids.has(m) ? (map.get(m) ?? map.set(m, randomUUID()).get(m)!) : m));
  const photo = template.attachments.find((a) => a.mediaType === 'image/png')!;
  const bytes = Buffer.concat([Buffer.from(photo.base64, 'base64'), Buffer.from(`bench-${i}`)]);
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  const rows = JSON.parse(remap(JSON.stringify(template.rows)).replaceAll(photo.sha256, sha)) as FileRow[];
  const code = `BENCH-${String(i).padStart(4, '0')}`;
  for (const row of rows) {
    if (row.entity === 'sites') row.data.code = code;
    if (row.entity === 'sign_off_sheets') {
      const sheet = JSON.parse(String(row.data.sheet_json)) as SignedSheet;
      const signed = signContent(sheet.content, key);
      row.data.sheet_json = JSON.stringify(signed);
      row.data.content_hash = signed.hash.value;
      row.data.device_signature = signed.signature.value;
    }
  }
  const attachments = template.attachments.map((a) =>
    a === photo ? { sha256: sha, mediaType: a.mediaType, size: bytes.length, base64: bytes.toString('base64') } : a,
  );
  const manifest = { ...template.manifest, site: { ...template.manifest.site, id: map.get(template.manifest.site.id)!, code } };
  const parts = partsOf({ manifest, rows, attachments });
  const hash = signedHashOf(parts);
  const signature = crypto.sign(null, Buffer.from(hash, 'hex'), key.privateKey).toString('base64');
  const file: SiteReportFile = {
    manifest,
    rows,
    attachments,
    signature: { parts, hash: { algorithm: 'sha256', value: hash }, signature: { algorithm: 'ed25519', value: signature } },
  };
  return JSON.stringify(file);
}

function importFile(core: OutpostCore, fileName: string, content: string): { newRows: number } {
  const bytes = Buffer.from(content);
  const chunk = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;
  let source: { dataBase64: string } | { uploadId: string };
  if (bytes.length <= chunk) {
    source = { dataBase64: bytes.toString('base64') };
  } else {
    const uploadId = randomUUID();
    for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += chunk) {
      ok(core, 'inventoryImport.upload', { uploadId, index, chunkBase64: bytes.subarray(offset, offset + chunk).toString('base64') });
    }
    source = { uploadId };
  }
  const preview = ok<{ previewId: string; importable: boolean; problems: unknown[]; device: { fingerprint: string } | null }>(
    core,
    'siteReports.previewFile',
    { fileName, ...source },
  );
  if (!preview.importable) throw new Error(`${fileName} refused: ${JSON.stringify(preview.problems)}`);
  // The bench technician's key is not registered with a server: the manager confirms its fingerprint (the first file records it).
  return ok<{ newRows: number }>(core, 'siteReports.importFile', {
    previewId: preview.previewId,
    confirmFingerprint: preview.device!.fingerprint,
  });
}

/** 2,000 generated site report files imported one after the other through the core API (goal < 60 s). */
export async function benchSiteReports(): Promise<Record<string, number>> {
  const tech = openCore({ dataDir: tempDataDir('outpost-bench-report-tech'), shell: 'test' });
  const { file: template, key } = await fieldWorkFile(tech);
  tech.close();
  const ids = sitePartitionIds(template);
  const files = Array.from({ length: SITE_REPORT_FILES }, (_, i) => variant(template, ids, key, i));
  const manager = openCore({ dataDir: tempDataDir('outpost-bench-report-rm'), shell: 'test' });
  ok(manager, 'profile.set', { name: 'Bench Release Manager', role: 'release_manager' });
  const load = os.loadavg()[0] ?? 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let rows = 0;
  files.forEach((content, i) => {
    rows += importFile(manager, `BENCH-${i}.outpost-report`, content).newRows;
  });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const sites = ok<unknown[]>(manager, 'siteReports.imports', {}).length;
  manager.close();
  if (sites < Math.min(500, SITE_REPORT_FILES)) throw new Error(`only ${sites} imports recorded`);
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f), 0);
  return {
    'import.site_reports_2000_s': round(seconds, 2),
    /** CPU time of this process (the machine is shared: wall time includes waiting for a core, and two fsyncs per file). */
    'import.site_reports_2000_cpu_s': round((used.user + used.system) / 1e6, 2),
    'import.site_reports_load_avg': round(load, 1),
    'import.site_reports_rows': rows,
    'import.site_report_file_kb': round(bytes / files.length / 1024, 1),
    'import.site_report_rows_per_file': round(template.rows.length, 0),
  };
}
