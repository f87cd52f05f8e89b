import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { requireDeployment } from '../authoring/deployment-authoring';
import { DomainError } from '../services/domain-error';
import { activityWriter, type ServiceContext } from '../services/service-context';
import { columnsOf, siteUpdateStatement } from './bulk-edit-service';
import { markUndone, newestBulkEdit, readBefore, type BulkEditBefore, type BulkEditRow } from './bulk-edit-store';
import { namedSites } from './site-names';

/**
 * The edit's sites changed since: a row whose `updated_at` is no longer the edit's (any write,
 * pulled ones included), or a newer activity entry on the site (a local change within the same
 * millisecond). Returns their codes.
 */
function changedSince(ctx: ServiceContext, edit: BulkEditRow, before: BulkEditBefore): string[] {
  const ids = JSON.stringify(before.sites.map((s) => s.id));
  const rows = ctx.sqlite
    .prepare(
      `SELECT s.code FROM sites s WHERE s.id IN (SELECT value FROM json_each(@ids))
         AND (s.updated_at IS NOT @at OR EXISTS (SELECT 1 FROM activity a WHERE a.entity = 'site' AND a.entity_id = s.id AND a.seq > @seq))
       ORDER BY s.code`,
    )
    .all({ ids, at: edit.at, seq: before.activitySeq }) as { code: string }[];
  const present = (
    ctx.sqlite.prepare('SELECT count(*) AS n FROM sites WHERE id IN (SELECT value FROM json_each(?))').get(ids) as { n: number }
  ).n;
  const removed = before.sites.length - present;
  return [...rows.map((r) => r.code), ...(removed > 0 ? [`${removed} removed site(s)`] : [])];
}

/** Why the edit cannot be undone now, or null. */
export function undoRefusal(ctx: ServiceContext, edit: BulkEditRow): string | null {
  if (edit.undoneAt)
    return `The last bulk edit ("${edit.summary}") was already undone by ${edit.undoneBy ?? 'someone'} at ${edit.undoneAt}`;
  const changed = changedSince(ctx, edit, readBefore(edit));
  if (changed.length > 0)
    return `"${edit.summary}" cannot be undone: ${changed.length} of its sites changed since (${namedSites(changed)})`;
  return null;
}

/** `sites.undoBulkEdit`: puts back the previous values of the deployment's newest bulk edit, in one transaction, one activity entry per site. */
export function undoBulkEdit(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'sites.undoBulkEdit'>): ApiOutput<'sites.undoBulkEdit'> {
  requireDeployment(ctx, deploymentId);
  const edit = newestBulkEdit(ctx, deploymentId);
  if (!edit) throw new DomainError('rule', 'There is no bulk edit of this deployment to undo');
  const refusal = undoRefusal(ctx, edit);
  if (refusal) throw new DomainError('rule', refusal);
  const before = readBefore(edit);
  const columns = columnsOf(before.kind);
  const at = ctx.clock.now();
  const by = ctx.actor();
  const update = siteUpdateStatement(ctx, columns);
  const record = activityWriter(ctx, at);
  for (const site of before.sites) {
    update.run({ ...Object.fromEntries(columns.map((c) => [c, site[c]])), at, by, id: site.id });
    record({
      action: 'bulk_edit_undone',
      entity: 'site',
      entityId: site.id,
      siteId: site.id,
      detail: { bulkEditId: edit.id, change: before.kind },
    });
  }
  markUndone(ctx, edit.id, at, by);
  return { editId: edit.id, summary: edit.summary, restored: before.sites.length };
}

/** `sites.lastBulkEdit`: the newest bulk edit of the deployment and whether it can be undone. */
export function lastBulkEdit(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'sites.lastBulkEdit'>): ApiOutput<'sites.lastBulkEdit'> {
  requireDeployment(ctx, deploymentId);
  const edit = newestBulkEdit(ctx, deploymentId);
  if (!edit) return null;
  return {
    editId: edit.id,
    action: edit.action,
    summary: edit.summary,
    siteCount: edit.siteCount,
    at: edit.at,
    by: edit.by,
    undoneAt: edit.undoneAt,
    undoRefusal: undoRefusal(ctx, edit),
  };
}
