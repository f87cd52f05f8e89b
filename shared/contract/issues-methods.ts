import { z } from 'zod';
import { idSchema } from '../domain/audit';
import {
  issueCategorySchema,
  issueEventSchema,
  issueLinkSchema,
  issueSchema,
  issueSeveritySchema,
  issueStatusSchema,
  serviceImpactSchema,
} from '../domain/issue';
import { IMPACT_TIMES_MESSAGE, impactTimesHold } from '../logic/downtime';
import { command, query } from './define';
import { limitedText } from './text-fields';

const text = (max: number) => z.string().trim().max(max);
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash is 64 lowercase hex digits');
const attachmentIds = z.array(sha256Schema).max(20).default([]);

const countsSchema = z.object({
  bySeverity: z.record(issueSeveritySchema, z.number().int()),
  byStatus: z.record(issueStatusSchema, z.number().int()),
  byCategory: z.record(issueCategorySchema, z.number().int()),
});

export const issueAttachmentRefSchema = z.object({
  eventId: idSchema,
  sha256: sha256Schema,
  mediaType: z.string(),
  size: z.number().int(),
});
export type IssueAttachmentRef = z.infer<typeof issueAttachmentRefSchema>;

export const issueCreateInputSchema = z
  .object({
    siteId: idSchema,
    title: text(200).min(1, 'Title is required'),
    description: text(10_000).default(''),
    severity: issueSeveritySchema,
    category: issueCategorySchema,
    blocksSignOff: z.boolean().default(false),
    links: z.array(issueLinkSchema.strict()).max(50).default([]),
    attachments: attachmentIds,
  })
  .strict();

const instantSchema = z.string().datetime({ offset: true, message: 'A time is an ISO 8601 date-time with its zone' });

/**
 * An issue's service impact: outage or degraded needs a start; the end (empty while it goes on)
 * comes after it; "none" records that the service was not affected (times and service are cleared).
 */
export const issueImpactInputSchema = z
  .object({
    issueId: idSchema,
    impact: serviceImpactSchema,
    componentId: idSchema.nullable().default(null),
    startedAt: instantSchema.nullable().default(null),
    endedAt: instantSchema.nullable().default(null),
    usersAffected: z.number().int().min(0).max(1_000_000).nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.impact === 'none') return;
    if (v.startedAt === null) ctx.addIssue({ code: 'custom', path: ['startedAt'], message: 'When did the service impact start?' });
    else if (!impactTimesHold(v.impact, v.startedAt, v.endedAt))
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: IMPACT_TIMES_MESSAGE });
  });

export const siteIssueCountsSchema = z.object({ siteId: idSchema, open: z.number().int(), openBlocking: z.number().int() });
export type SiteIssueCounts = z.infer<typeof siteIssueCountsSchema>;

export const issuesMethods = {
  'issues.list': query(
    z
      .object({
        siteId: idSchema,
        severity: issueSeveritySchema.optional(),
        status: issueStatusSchema.optional(),
        category: issueCategorySchema.optional(),
      })
      .strict(),
    z.object({ issues: z.array(issueSchema), counts: countsSchema }),
    "A site's issues, filtered; the counts cover all the site's issues",
  ),
  'issues.get': query(
    z.object({ issueId: idSchema }).strict(),
    z.object({ issue: issueSchema, events: z.array(issueEventSchema), attachments: z.array(issueAttachmentRefSchema) }),
    'One issue with its history, oldest event first',
  ),
  'issues.create': command(issueCreateInputSchema, issueSchema, 'Log an issue at a site; it gets the next site-local number'),
  'issues.comment': command(
    z.object({ issueId: idSchema, text: text(10_000).min(1, 'Comment text is required'), attachments: attachmentIds }).strict(),
    issueEventSchema,
    'Add a comment (optionally with photos) to the history',
  ),
  'issues.assign': command(
    z.object({ issueId: idSchema, assignee: text(200).nullable() }).strict(),
    issueSchema,
    'Assign the issue to someone (null to unassign)',
  ),
  'issues.setStatus': command(
    z.object({ issueId: idSchema, status: issueStatusSchema, reason: limitedText().default('') }).strict(),
    issueSchema,
    'Change the status along the allowed transitions; accepting as an exception requires a reason',
  ),
  'issues.escalate': command(
    z
      .object({
        issueId: idSchema,
        level: z.number().int().min(1).max(5),
        reason: limitedText().pipe(z.string().min(1, 'Reason is required')),
      })
      .strict(),
    issueSchema,
    'Escalate to a higher level (1–5) with a reason',
  ),
  'issues.setImpact': command(
    issueImpactInputSchema,
    issueSchema,
    "Record or change an issue's service impact (affected service, outage / degraded / none, start and end, users or tills); the history records the change",
  ),
  'issues.summary': query(
    z.object({ deploymentId: idSchema }).strict(),
    z.array(siteIssueCountsSchema),
    'Open and open-blocking issue counts per site of a deployment',
  ),
} as const;
