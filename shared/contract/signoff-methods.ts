import { z } from 'zod';
import { siteLanguageSchema } from '../i18n/languages';
import { idSchema } from '../domain/audit';
import { issueSchema } from '../domain/issue';
import {
  reviewGapSchema,
  sheetSummarySchema,
  signOffDecisionSchema,
  signOffKindSchema,
  signOffReviewSchema,
  signedSheetSchema,
} from '../domain/signoff';
import { command, query } from './define';
import { limitedText } from './text-fields';

/** Which sheet: a site's (core components, site complete) or the deployment's milestone. */
const subject = {
  kind: signOffKindSchema,
  siteId: idSchema.nullable().default(null),
  deploymentId: idSchema.nullable().default(null),
  /** The language to show and sign in; null = the site owner's (a site's language, else its country's; English for the milestone). */
  language: siteLanguageSchema.nullable().default(null),
};

const reviewOutputSchema = z.object({
  review: signOffReviewSchema,
  /** Canonical SHA-256 of the review; signing refuses when it changed in between. */
  reviewHash: z.string(),
  /** The language of this review's statement (the one asked for, or the site owner's). */
  language: siteLanguageSchema,
  /** The statement to confirm, in `language`; signing in the same language signs exactly this text. */
  statement: z.string(),
  /** Open blocking issues: each must be accepted as an exception before "accepted". */
  blockingIssueIds: z.array(idSchema),
  /** Open gaps (shared/signoff/gates.ts): "accepted" needs none; "accepted with exceptions" a reason for each. */
  gaps: z.array(reviewGapSchema),
  /** Newest sheet of this kind, and whether what it covers changed since. */
  latestSheetId: idSchema.nullable(),
  changedSinceSignOff: z.boolean(),
});

export const signoffMethods = {
  'signoff.review': query(
    z.object(subject).strict(),
    reviewOutputSchema,
    'Exactly what a sign-off sheet will cover, and whether the last sheet is out of date',
  ),
  'signoff.changed': query(
    z.object({ siteId: idSchema }).strict(),
    z.object({ changed: z.array(signOffKindSchema) }),
    "The site's sheet kinds whose covered content changed since their newest sheet (cheap when nothing was signed)",
  ),
  'signoff.sign': command(
    z
      .object({
        ...subject,
        reviewHash: z.string().regex(/^[0-9a-f]{64}$/),
        decision: signOffDecisionSchema,
        reason: limitedText().default(''),
        exceptions: z
          .array(z.object({ issueId: idSchema, reason: limitedText() }).strict())
          .max(500)
          .default([]),
        /** Reasons for the open gaps other than issues (checklist items, missing inventory, checks). */
        gapReasons: z
          .array(z.object({ gapId: z.string().max(200), reason: limitedText() }).strict())
          .max(5000)
          .default([]),
        signerName: z.string().trim().min(1, "Type the signer's name").max(200),
        signerRole: z.string().trim().min(1, "Type the signer's role").max(200),
        signerEmail: z.string().trim().email().max(320).nullable().default(null),
        signerTimeZone: z.string().min(1).max(64),
        /** The drawn signature as PNG, base64 (no data: prefix). */
        signaturePngBase64: z.string().min(100).max(180_000),
        statementConfirmed: z.literal(true, { message: 'Confirm the statement' }),
        /** The statement as shown and confirmed; when given, signing refuses any other wording (`conflict`). */
        statement: z.string().max(4000).optional(),
      })
      .strict(),
    z.object({ sheet: sheetSummarySchema, acceptedIssues: z.array(issueSchema) }),
    'Sign a sheet: accepts the listed issues as exceptions and stores the signed, immutable sheet in one transaction',
  ),
  'signoff.list': query(
    z.object({ siteId: idSchema.nullable().default(null), deploymentId: idSchema.nullable().default(null) }).strict(),
    z.array(sheetSummarySchema),
    'Sheets of a site (or the milestone sheets of a deployment), newest first, each verified',
  ),
  'signoff.get': query(z.object({ sheetId: idSchema }).strict(), signedSheetSchema, 'The complete signed sheet (JSON)'),
  'signoff.exportPdf': query(
    z.object({ sheetId: idSchema }).strict(),
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('ready'), fileName: z.string(), sha256: z.string(), base64: z.string() }),
      z.object({ status: z.literal('rendering') }),
    ]),
    'The sheet as PDF (base64); "rendering" while the PDF is still being made; poll again',
  ),
} as const;
