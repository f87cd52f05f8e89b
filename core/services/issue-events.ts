import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { IssueAttachmentRef } from '../../shared/contract/issues-methods';
import type { Issue, IssueEvent } from '../../shared/domain/issue';
import { attachments, issueAttachments, issueEvents } from '../db/schema';
import { DomainError } from './domain-error';
import { recordActivity, type ServiceContext } from './service-context';

export type EventFields = Pick<IssueEvent, 'kind'> &
  Partial<Pick<IssueEvent, 'text' | 'fromStatus' | 'toStatus' | 'escalationLevel' | 'assignee'>>;

/** Refuses attachment hashes that were never stored with attachments.put. */
function requireAttachments(ctx: ServiceContext, hashes: readonly string[]): string[] {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return unique;
  const found = new Set(
    ctx.db
      .select({ sha256: attachments.sha256 })
      .from(attachments)
      .where(inArray(attachments.sha256, unique))
      .all()
      .map((a) => a.sha256),
  );
  const missing = unique.filter((h) => !found.has(h));
  if (missing.length > 0) throw new DomainError('not_found', `Attachment ${missing[0]} was not uploaded`);
  return unique;
}

/**
 * Appends one event to an issue's history (never updated or deleted: the table's triggers refuse
 * it) and records the activity. Call inside the change's transaction, after the issue row changed.
 */
export function appendIssueEvent(
  ctx: ServiceContext,
  issue: Pick<Issue, 'id' | 'siteId' | 'number'>,
  fields: EventFields,
  at: string,
  attachmentHashes: readonly string[] = [],
): IssueEvent {
  const hashes = requireAttachments(ctx, attachmentHashes);
  const row = {
    id: ctx.newId(),
    issueId: issue.id,
    kind: fields.kind,
    at,
    by: ctx.actor(),
    text: fields.text ?? '',
    fromStatus: fields.fromStatus ?? null,
    toStatus: fields.toStatus ?? null,
    escalationLevel: fields.escalationLevel ?? null,
    assignee: fields.assignee ?? null,
  };
  ctx.db
    .insert(issueEvents)
    .values({ ...row, seq: sql`(SELECT coalesce(max(seq), 0) + 1 FROM issue_events WHERE issue_id = ${issue.id})` })
    .run();
  for (const sha256 of hashes) ctx.db.insert(issueAttachments).values({ eventId: row.id, issueId: issue.id, sha256 }).run();
  recordActivity(
    ctx,
    {
      action: `issue_${fields.kind}`,
      entity: 'issue',
      entityId: issue.id,
      siteId: issue.siteId,
      detail: { number: issue.number, ...detailOf(row), attachments: hashes.length },
    },
    at,
  );
  return row;
}

function detailOf(row: Omit<IssueEvent, 'id' | 'issueId' | 'at' | 'by'>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== ''));
}

export function listIssueEvents(ctx: ServiceContext, issueId: string): IssueEvent[] {
  return ctx.db
    .select({
      id: issueEvents.id,
      issueId: issueEvents.issueId,
      kind: issueEvents.kind,
      at: issueEvents.at,
      by: issueEvents.by,
      text: issueEvents.text,
      fromStatus: issueEvents.fromStatus,
      toStatus: issueEvents.toStatus,
      escalationLevel: issueEvents.escalationLevel,
      assignee: issueEvents.assignee,
    })
    .from(issueEvents)
    .where(eq(issueEvents.issueId, issueId))
    .orderBy(asc(issueEvents.seq))
    .all();
}

export function listIssueAttachments(ctx: ServiceContext, issueId: string): IssueAttachmentRef[] {
  return ctx.db
    .select({
      eventId: issueAttachments.eventId,
      sha256: issueAttachments.sha256,
      mediaType: attachments.mediaType,
      size: attachments.size,
    })
    .from(issueAttachments)
    .innerJoin(attachments, eq(attachments.sha256, issueAttachments.sha256))
    .innerJoin(issueEvents, and(eq(issueEvents.id, issueAttachments.eventId)))
    .where(eq(issueAttachments.issueId, issueId))
    .orderBy(asc(issueEvents.seq), asc(issueAttachments.sha256))
    .all();
}
