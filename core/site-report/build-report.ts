import fs from 'node:fs';
import path from 'node:path';
import type { CheckRunSummary } from '../../shared/domain/check-run';
import type { InventoryItem } from '../../shared/domain/inventory';
import type { ReportItem, SiteReport } from '../../shared/site-report/report-model';
import { getChecklist } from '../services/checklist-service';
import { attachmentDir } from '../services/attachment-service';
import { INVENTORY_COLUMNS, fromRaw, reconcile } from '../services/inventory-rows';
import { listIssueAttachments, listIssueEvents } from '../services/issue-events';
import { listSiteIssues } from '../services/issue-read';
import { listSiteRollbacks } from '../services/rollback-service';
import type { ServiceContext } from '../services/service-context';
import { requireSite } from '../services/site-service';
import { sheetRows, summarize } from '../signoff/sheet-store';
import { sha256Hex } from '../signoff/sheet-crypto';
import { listTraining } from '../training/training-service';

const RECEIVED_STATES = new Set(['received', 'installed', 'verified', 'damaged']);

function reportItem(item: InventoryItem): ReportItem {
  return {
    id: item.id,
    manufacturer: item.manufacturer,
    model: item.model,
    expectedSerial: item.expectedSerial,
    foundSerial: item.foundSerial,
    assetTag: item.assetTag,
    location: [item.room, item.rack, item.unit].filter((p) => p !== '').join(' / '),
    state: item.state,
    isSurplus: item.isSurplus,
    receivedAt: item.receivedAt,
    receivedBy: item.receivedBy,
    note: item.note,
  };
}

function inventory(ctx: ServiceContext, siteId: string): SiteReport['inventory'] {
  const items = (
    ctx.sqlite
      .prepare(`SELECT ${INVENTORY_COLUMNS} FROM inventory_items WHERE site_id = ? ORDER BY room, rack, unit, manufacturer, model, id`)
      .all(siteId) as Parameters<typeof fromRaw>[0][]
  ).map(fromRaw);
  const expected = items.filter((i) => !i.isSurplus);
  return {
    reconciliation: reconcile(ctx, siteId),
    missing: expected.filter((i) => !RECEIVED_STATES.has(i.state)).map(reportItem),
    damaged: items.filter((i) => i.state === 'damaged').map(reportItem),
    surplus: items.filter((i) => i.isSurplus).map(reportItem),
    received: expected.filter((i) => RECEIVED_STATES.has(i.state)).map(reportItem),
  };
}

function checkRuns(ctx: ServiceContext, siteId: string): SiteReport['checkRuns'] {
  const history = siteRuns(ctx, siteId);
  const latest = new Map<string, CheckRunSummary>();
  for (const run of history) if (!latest.has(run.targetId ?? '')) latest.set(run.targetId ?? '', run);
  return { latest: [...latest.values()].sort((a, b) => a.targetLabel.localeCompare(b.targetLabel)), history };
}

/** Every run of the site (targets and the technician's machine), newest first. */
function siteRuns(ctx: ServiceContext, siteId: string): CheckRunSummary[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, target_id AS targetId, target_label AS targetLabel, job_id AS jobId, started_at AS startedAt, finished_at AS finishedAt, by, outcome, message,
         host_key_algorithm AS alg, host_key_fingerprint AS fp, expected_fingerprint AS expectedFingerprint, pass_count AS pass, fail_count AS fail,
         error_count AS error, skipped_count AS skipped, duration_ms AS durationMs
       FROM check_runs WHERE site_id = ? ORDER BY started_at DESC, id DESC`,
    )
    .all(siteId) as (Omit<CheckRunSummary, 'siteId' | 'hostKey' | 'counts'> & {
    alg: string | null;
    fp: string | null;
    pass: number;
    fail: number;
    error: number;
    skipped: number;
  })[];
  return rows.map((r) => ({
    id: r.id,
    siteId,
    targetId: r.targetId,
    targetLabel: r.targetLabel,
    jobId: r.jobId,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    by: r.by,
    outcome: r.outcome,
    message: r.message,
    hostKey: r.fp ? { algorithm: r.alg ?? '', fingerprint: r.fp } : null,
    expectedFingerprint: r.expectedFingerprint,
    counts: { pass: r.pass, fail: r.fail, error: r.error, skipped: r.skipped },
    durationMs: r.durationMs,
  }));
}

function firstActivity(ctx: ServiceContext, siteId: string): string | null {
  const row = ctx.sqlite
    .prepare(
      `SELECT min(at) AS at FROM (
         SELECT min(received_at) AS at FROM inventory_items WHERE site_id = @site
         UNION ALL SELECT min(state_at) FROM checklist_items WHERE site_id = @site
         UNION ALL SELECT min(started_at) FROM check_runs WHERE site_id = @site
         UNION ALL SELECT min(created_at) FROM issues WHERE site_id = @site)`,
    )
    .get({ site: siteId }) as { at: string | null };
  return row.at;
}

function attachmentsOf(
  ctx: ServiceContext,
  dataDir: string,
  report: Pick<SiteReport, 'issues' | 'signOffs' | 'training'>,
  siteId: string,
): SiteReport['attachments'] {
  const uses = new Map<string, string[]>();
  const use = (sha: string, what: string) => uses.set(sha, [...(uses.get(sha) ?? []), what]);
  for (const issue of report.issues) for (const a of issue.attachments) use(a.sha256, `Issue #${issue.number}`);
  const sheets = ctx.sqlite
    .prepare(
      'SELECT s.kind, s.signature_image_sha256 AS image, p.sha256 AS pdf FROM sign_off_sheets s LEFT JOIN sign_off_pdfs p ON p.sheet_id = s.id WHERE s.site_id = ?',
    )
    .all(siteId) as { kind: string; image: string; pdf: string | null }[];
  const stored = ctx.sqlite.prepare('SELECT 1 FROM attachments WHERE sha256 = ?');
  for (const s of sheets) {
    // The drawn signature lives inside the signed sheet (verified with it); listed only when also stored as an attachment.
    if (stored.get(s.image)) use(s.image, `Signature on sign-off (${s.kind.replace(/_/g, ' ')})`);
    if (s.pdf) use(s.pdf, `PDF of sign-off (${s.kind.replace(/_/g, ' ')})`);
  }
  const photos = ctx.sqlite
    .prepare(
      "SELECT e.ref_id AS sha256, i.title FROM checklist_item_evidence e JOIN checklist_items i ON i.id = e.item_id WHERE e.kind = 'photo' AND i.site_id = ? ORDER BY e.linked_at, e.rowid",
    )
    .all(siteId) as { sha256: string; title: string }[];
  for (const p of photos) use(p.sha256, `Evidence for checklist item “${p.title}”`);
  const surplusPhotos = ctx.sqlite
    .prepare(
      'SELECT p.sha256, i.found_serial AS serial FROM inventory_item_photos p JOIN inventory_items i ON i.id = p.item_id WHERE i.site_id = ? ORDER BY p.linked_at, p.rowid',
    )
    .all(siteId) as { sha256: string; serial: string | null }[];
  for (const p of surplusPhotos) use(p.sha256, `Photo of surplus item ${p.serial ?? '(no serial)'}`);
  for (const s of report.training) {
    for (const a of s.attendees) if (a.signatureSha256) use(a.signatureSha256, `Training signature of ${a.name} (${s.topic})`);
    for (const m of s.materials) use(m.sha256, `Training material “${m.name}” (${s.topic})`);
  }
  const meta = ctx.sqlite.prepare('SELECT media_type AS mediaType, size FROM attachments WHERE sha256 = ?');
  return [...uses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sha256, usedBy]) => {
      const row = meta.get(sha256) as { mediaType: string; size: number } | undefined;
      const file = path.join(attachmentDir(dataDir), sha256);
      const intact = row !== undefined && fs.existsSync(file) && sha256Hex(fs.readFileSync(file)) === sha256;
      return { sha256, mediaType: row?.mediaType ?? 'unknown', size: row?.size ?? 0, usedBy: [...new Set(usedBy)], intact };
    });
}

/** `siteReports.get`: everything about one site, from local data. */
export function buildSiteReport(ctx: ServiceContext, dataDir: string, siteId: string): SiteReport {
  const site = requireSite(ctx, siteId);
  const deployment = ctx.sqlite.prepare('SELECT id, name, version FROM deployments WHERE id = ?').get(site.deploymentId) as {
    id: string;
    name: string;
    version: string;
  };
  const wave = site.waveId
    ? (ctx.sqlite.prepare('SELECT id, name, sequence, is_pilot AS isPilot FROM waves WHERE id = ?').get(site.waveId) as
        { id: string; name: string; sequence: number; isPilot: number } | undefined)
    : undefined;
  const checklist = getChecklist(ctx, { siteId });
  const issues = listSiteIssues(ctx, siteId).map((issue) => ({
    ...issue,
    events: listIssueEvents(ctx, issue.id),
    attachments: listIssueAttachments(ctx, issue.id),
  }));
  const signOffs = sheetRows(ctx, { siteId }).map(summarize);
  const signedOff = signOffs.find((s) => s.kind === 'site_complete' && s.decision !== 'rejected' && s.valid);
  const report: Omit<SiteReport, 'attachments'> = {
    summary: {
      siteId,
      code: site.code,
      name: site.name,
      address: site.address,
      timeZone: site.timeZone,
      ownerName: site.ownerName,
      deployment: { id: deployment.id, name: deployment.name, version: deployment.version },
      wave: wave ? { id: wave.id, name: wave.name, sequence: wave.sequence, isPilot: wave.isPilot === 1 } : null,
      windowStart: site.windowStart,
      windowEnd: site.windowEnd,
      status: site.status,
      technicians: site.technicians.map((t) => t.name),
      firstActivityAt: firstActivity(ctx, siteId),
      signedOffAt: signedOff?.signedAt ?? null,
    },
    inventory: inventory(ctx, siteId),
    checkRuns: checkRuns(ctx, siteId),
    checklist: { done: checklist.progress.done, total: checklist.progress.total, phases: checklist.phases },
    issues,
    signOffs,
    rollbacks: listSiteRollbacks(ctx, { siteId }).map((r) => ({
      id: r.id,
      reason: r.reason,
      previousStatus: r.previousStatus,
      issueIds: r.issueIds,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
    })),
    training: listTraining(ctx, { siteId }),
  };
  return { ...report, attachments: attachmentsOf(ctx, dataDir, report, siteId) };
}
