import Database from 'better-sqlite3';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { openSampleCore, openTestCore, type TestCore } from '../support/temp-core';

/** A small real PNG (the signature drawing helper), distinct per variant. */
export const photoBase64 = (variant: number) => signaturePng(variant, 40, 20);

/**
 * A technician's device with the sample deployment and real field work at its first site:
 * items received (one damaged), a surplus item, checklist items done, a check run, an issue with a
 * photo and history, and the site owner's sign-off.
 */
export function technicianWithFieldWork() {
  const { core, site, deploymentId } = openSampleCore();
  const items = core.call('inventory.list', { siteId: site.id, limit: 500 }).items;
  for (const item of items.slice(0, 4)) core.call('inventory.receive', { siteId: site.id, serial: item.expectedSerial! });
  core.call('inventory.setState', { itemId: items[1]!.id, state: 'damaged', note: 'Bent rail' });
  core.call('inventory.recordSurplus', {
    siteId: site.id,
    serial: 'SURPLUS-0001',
    manufacturer: 'Dell',
    model: 'R650',
    note: 'Not on the list',
  });
  const checklist = core.call('checklist.get', { siteId: site.id });
  const first = checklist.phases[0]!.items.filter((i) => i.evidence === 'none' && i.dependsOn === null).slice(0, 2);
  for (const item of first) core.call('checklist.setItemState', { itemId: item.id, state: 'done', note: 'Checked on site' });
  insertCheckRun(core, site.id);
  const photo = core.call('attachments.put', { mediaType: 'image/png', dataBase64: photoBase64(3) });
  const issue = core.call('issues.create', {
    siteId: site.id,
    title: 'UPS battery alarm',
    severity: 'high',
    category: 'facility',
    blocksSignOff: false,
  });
  core.call('issues.comment', { issueId: issue.id, text: 'Photo of the alarm panel', attachments: [photo.sha256] });
  core.call('issues.setStatus', { issueId: issue.id, status: 'resolved', reason: 'Battery replaced' });
  const signed = signSite(core, site.id, { decision: 'accepted_with_exceptions' });
  return { core, site, deploymentId, issue, photo, sheetId: signed.sheet.id };
}

function insertCheckRun(core: TestCore, siteId: string): void {
  const db = new Database(core.databaseFile);
  try {
    const target = db.prepare('SELECT id, host_name AS host FROM target_machines WHERE site_id = ? LIMIT 1').get(siteId) as
      { id: string; host: string } | undefined;
    db.prepare(
      `INSERT INTO check_runs (id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, message, results, pass_count, fail_count, error_count, skipped_count, duration_ms)
       VALUES (?, ?, ?, ?, 'job-1', '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:02.000Z', 'Test Technician', 'completed', '', '[]', 7, 1, 0, 2, 2000)`,
    ).run('0190a000-0000-7000-8000-000000000001', siteId, target?.id ?? null, target?.host ?? 'this machine');
  } finally {
    db.close();
  }
}

/** A release manager's device (empty, release manager profile). */
export function managerCore(): TestCore {
  const core = openTestCore({ profile: false });
  core.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
  return core;
}

/** Previews file text on a core, in one call or through the chunked upload when it is big. */
export function previewText(core: TestCore, fileName: string, content: string | Buffer, chunk = 120_000) {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if (bytes.length <= chunk) return core.call('siteReports.previewFile', { fileName, dataBase64: bytes.toString('base64') });
  const uploadId = crypto.randomUUID();
  for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += chunk) {
    core.call('inventoryImport.upload', { uploadId, index, chunkBase64: bytes.subarray(offset, offset + chunk).toString('base64') });
  }
  return core.call('siteReports.previewFile', { fileName, uploadId });
}
