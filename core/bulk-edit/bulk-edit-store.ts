import { z } from 'zod';
import type { BulkActionKind } from '../../shared/bulk-edit/bulk-action';
import type { ServiceContext } from '../services/service-context';

/** A site's plan columns as stored (technicians as its stored JSON text, so undo writes back exactly that). */
export interface StoredSitePlan {
  id: string;
  technicians: string;
  waveId: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  status: string;
}

const storedSiteSchema = z.object({
  id: z.string(),
  technicians: z.string(),
  waveId: z.string().nullable(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  status: z.string(),
});

/**
 * `bulk_edits.before_json`: every touched site's plan columns before the edit, and the activity
 * sequence number after it (a later change of one of its sites shows as a newer activity entry).
 */
const beforeSchema = z.object({ v: z.literal(1), kind: z.string(), activitySeq: z.number().int(), sites: z.array(storedSiteSchema) });
export type BulkEditBefore = z.infer<typeof beforeSchema> & { kind: BulkActionKind };

export interface BulkEditRow {
  id: string;
  deploymentId: string;
  action: string;
  summary: string;
  siteCount: number;
  beforeJson: string;
  at: string;
  by: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

export function insertBulkEdit(
  ctx: ServiceContext,
  row: Omit<BulkEditRow, 'undoneAt' | 'undoneBy' | 'beforeJson'> & { before: BulkEditBefore },
): void {
  const { before, ...rest } = row;
  ctx.sqlite
    .prepare('INSERT INTO bulk_edits (id, deployment_id, action, summary, site_count, before_json, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(rest.id, rest.deploymentId, rest.action, rest.summary, rest.siteCount, JSON.stringify(before), rest.at, rest.by);
}

/** The deployment's newest bulk edit (undone or not). */
export function newestBulkEdit(ctx: ServiceContext, deploymentId: string): BulkEditRow | undefined {
  return ctx.sqlite
    .prepare(
      `SELECT id, deployment_id AS deploymentId, action, summary, site_count AS siteCount, before_json AS beforeJson, at, by, undone_at AS undoneAt, undone_by AS undoneBy
       FROM bulk_edits WHERE deployment_id = ? ORDER BY at DESC, id DESC LIMIT 1`,
    )
    .get(deploymentId) as BulkEditRow | undefined;
}

export function readBefore(row: BulkEditRow): BulkEditBefore {
  return beforeSchema.parse(JSON.parse(row.beforeJson)) as BulkEditBefore;
}

export function markUndone(ctx: ServiceContext, id: string, at: string, by: string): void {
  ctx.sqlite.prepare('UPDATE bulk_edits SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, by, id);
}

/** The newest activity sequence number (0 when the log is empty). */
export function lastActivitySeq(ctx: ServiceContext): number {
  return (ctx.sqlite.prepare('SELECT coalesce(max(seq), 0) AS seq FROM activity').get() as { seq: number }).seq;
}
