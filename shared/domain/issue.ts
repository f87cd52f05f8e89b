import { z } from 'zod';
import { auditSchema, idSchema } from './audit';

export const issueSeveritySchema = z.enum(['critical', 'high', 'medium', 'low']);
export const issueCategorySchema = z.enum(['hardware', 'software', 'network', 'facility', 'documentation', 'training']);
export const issueStatusSchema = z.enum(['open', 'in_progress', 'escalated', 'resolved', 'closed', 'accepted_exception']);
export type IssueSeverity = z.infer<typeof issueSeveritySchema>;
export type IssueCategory = z.infer<typeof issueCategorySchema>;
export type IssueStatus = z.infer<typeof issueStatusSchema>;

/** Statuses in which an issue still counts as open (and, if blocking, blocks an "accepted" sign-off). */
export const OPEN_ISSUE_STATUSES: readonly IssueStatus[] = ['open', 'in_progress', 'escalated'];

export const issueLinkSchema = z.object({
  kind: z.enum(['inventory_item', 'target_machine', 'checklist_item', 'check_run']),
  id: idSchema,
});
export type IssueLink = z.infer<typeof issueLinkSchema>;

export const issueEventKindSchema = z.enum([
  'created',
  'commented',
  'assigned',
  'status_changed',
  'escalated',
  'resolved',
  'closed',
  'accepted_exception',
  'reopened',
  'impact_changed',
]);

/** The service impact an issue records: a service down (outage), working worse (degraded), or explicitly none. */
export const serviceImpactSchema = z.enum(['outage', 'degraded', 'none']);
export type ServiceImpact = z.infer<typeof serviceImpactSchema>;

/** An issue's history: appended, never overwritten. */
export const issueEventSchema = z.object({
  id: idSchema,
  issueId: idSchema,
  kind: issueEventKindSchema,
  at: z.string(),
  by: z.string(),
  /** Comment text, or the reason for a status change / exception. */
  text: z.string(),
  fromStatus: issueStatusSchema.nullable(),
  toStatus: issueStatusSchema.nullable(),
  escalationLevel: z.number().int().nullable(),
  assignee: z.string().nullable(),
});
export type IssueEvent = z.infer<typeof issueEventSchema>;

export const issueSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  /** Site-local number shown to people (#1, #2, …). */
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  severity: issueSeveritySchema,
  category: issueCategorySchema,
  status: issueStatusSchema,
  blocksSignOff: z.boolean(),
  assignee: z.string().nullable(),
  escalationLevel: z.number().int(),
  /** Service impact (null: never recorded): the affected component, times as UTC instants (end null: still going on), users or tills affected. */
  impact: serviceImpactSchema.nullable(),
  impactComponentId: z.string().nullable(),
  impactStartedAt: z.string().nullable(),
  impactEndedAt: z.string().nullable(),
  impactUsersAffected: z.number().int().nullable(),
  links: z.array(issueLinkSchema),
  ...auditSchema.shape,
});
export type Issue = z.infer<typeof issueSchema>;
