import type { EvidencePhoto, EvidenceRun } from '../../shared/domain/checklist';
import type { CheckOutcome } from '../../shared/domain/check-run';
import { checkEvidenceLink, checkPhotoLink } from '../../shared/logic/checklist-rules';
import { DomainError, notFound } from './domain-error';
import { recordActivity, type ServiceContext } from './service-context';

interface EvidenceRunRow {
  item_id: string;
  run_id: string;
  target_label: string;
  finished_at: string;
  outcome: CheckOutcome;
  pass_count: number;
  fail_count: number;
  error_count: number;
}

function toEvidenceRun(row: EvidenceRunRow): EvidenceRun {
  return {
    runId: row.run_id,
    targetName: row.target_label,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    pass: row.pass_count,
    fail: row.fail_count,
    error: row.error_count,
  };
}

const EVIDENCE_RUN_SELECT = `SELECT e.item_id, r.id AS run_id, r.target_label, r.finished_at, r.outcome, r.pass_count, r.fail_count, r.error_count
  FROM checklist_item_evidence e
  JOIN checklist_items i ON i.id = e.item_id
  JOIN check_runs r ON r.id = e.ref_id
  WHERE e.kind = 'check_run'`;

/** The check runs linked to each item of a site, oldest link first. */
export function siteEvidenceRuns(ctx: ServiceContext, siteId: string): Map<string, EvidenceRun[]> {
  const rows = ctx.sqlite.prepare(`${EVIDENCE_RUN_SELECT} AND i.site_id = ? ORDER BY e.linked_at, e.rowid`).all(siteId) as EvidenceRunRow[];
  const byItem = new Map<string, EvidenceRun[]>();
  for (const row of rows) {
    const list = byItem.get(row.item_id) ?? [];
    list.push(toEvidenceRun(row));
    byItem.set(row.item_id, list);
  }
  return byItem;
}

/** The check runs linked to one item, oldest link first. */
export function itemEvidenceRuns(ctx: ServiceContext, itemId: string): EvidenceRun[] {
  const rows = ctx.sqlite.prepare(`${EVIDENCE_RUN_SELECT} AND e.item_id = ? ORDER BY e.linked_at, e.rowid`).all(itemId) as EvidenceRunRow[];
  return rows.map(toEvidenceRun);
}

/**
 * Links a finished run of the item's site to the item (append-only). Linking the same run to the
 * same item again changes nothing and records no activity.
 */
export function linkRunToItem(
  ctx: ServiceContext,
  item: { id: string; siteId: string; title: string },
  runId: string,
  phaseCompleted: boolean,
): void {
  const run = ctx.sqlite
    .prepare('SELECT site_id AS siteId, finished_at AS finishedAt, target_label AS targetLabel, outcome FROM check_runs WHERE id = ?')
    .get(runId) as { siteId: string; finishedAt: string | null; targetLabel: string; outcome: CheckOutcome } | undefined;
  if (!run) throw notFound('Check run', runId);
  const verdict = checkEvidenceLink(item, run, phaseCompleted);
  if (!verdict.allowed) throw new DomainError('rule', verdict.reason);
  const existing = ctx.sqlite
    .prepare("SELECT 1 FROM checklist_item_evidence WHERE item_id = ? AND kind = 'check_run' AND ref_id = ?")
    .get(item.id, runId);
  if (existing) return;
  const at = ctx.clock.now();
  ctx.sqlite
    .prepare("INSERT INTO checklist_item_evidence (id, item_id, kind, ref_id, linked_at, linked_by) VALUES (?, ?, 'check_run', ?, ?, ?)")
    .run(ctx.newId(), item.id, runId, at, ctx.actor());
  recordActivity(
    ctx,
    {
      action: 'evidence_linked',
      entity: 'checklist_item',
      entityId: item.id,
      siteId: item.siteId,
      detail: { kind: 'check_run', runId, target: run.targetLabel, outcome: run.outcome },
    },
    at,
  );
}

interface EvidencePhotoRow {
  item_id: string;
  sha256: string;
  linked_at: string;
  linked_by: string;
}

const EVIDENCE_PHOTO_SELECT = `SELECT e.item_id, e.ref_id AS sha256, e.linked_at, e.linked_by
  FROM checklist_item_evidence e
  JOIN checklist_items i ON i.id = e.item_id
  WHERE e.kind = 'photo'`;

const toEvidencePhoto = (row: EvidencePhotoRow): EvidencePhoto => ({
  sha256: row.sha256,
  linkedAt: row.linked_at,
  linkedBy: row.linked_by,
});

/** The photos linked to each item of a site, oldest link first. */
export function siteEvidencePhotos(ctx: ServiceContext, siteId: string): Map<string, EvidencePhoto[]> {
  const rows = ctx.sqlite
    .prepare(`${EVIDENCE_PHOTO_SELECT} AND i.site_id = ? ORDER BY e.linked_at, e.rowid`)
    .all(siteId) as EvidencePhotoRow[];
  const byItem = new Map<string, EvidencePhoto[]>();
  for (const row of rows) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), toEvidencePhoto(row)]);
  return byItem;
}

/** The photos linked to one item, oldest link first. */
export function itemEvidencePhotos(ctx: ServiceContext, itemId: string): EvidencePhoto[] {
  return (
    ctx.sqlite.prepare(`${EVIDENCE_PHOTO_SELECT} AND e.item_id = ? ORDER BY e.linked_at, e.rowid`).all(itemId) as EvidencePhotoRow[]
  ).map(toEvidencePhoto);
}

/** Links a stored photo to the item (append-only); the same photo again changes nothing. */
export function linkPhotoToItem(
  ctx: ServiceContext,
  item: { id: string; siteId: string; title: string },
  sha256: string,
  phaseCompleted: boolean,
): void {
  const verdict = checkPhotoLink(item, phaseCompleted);
  if (!verdict.allowed) throw new DomainError('rule', verdict.reason);
  const photo = ctx.sqlite.prepare('SELECT media_type AS mediaType FROM attachments WHERE sha256 = ?').get(sha256) as
    { mediaType: string } | undefined;
  if (!photo || !photo.mediaType.startsWith('image/')) throw notFound('Photo', sha256);
  if (ctx.sqlite.prepare("SELECT 1 FROM checklist_item_evidence WHERE item_id = ? AND kind = 'photo' AND ref_id = ?").get(item.id, sha256))
    return;
  const at = ctx.clock.now();
  ctx.sqlite
    .prepare("INSERT INTO checklist_item_evidence (id, item_id, kind, ref_id, linked_at, linked_by) VALUES (?, ?, 'photo', ?, ?, ?)")
    .run(ctx.newId(), item.id, sha256, at, ctx.actor());
  recordActivity(
    ctx,
    { action: 'evidence_linked', entity: 'checklist_item', entityId: item.id, siteId: item.siteId, detail: { kind: 'photo', sha256 } },
    at,
  );
}
