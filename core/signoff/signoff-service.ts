import fs from 'node:fs';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { Issue } from '../../shared/domain/issue';
import { MANAGER_ROLES, roleMay } from '../../shared/domain/role-access';
import { signedSheetSchema, type SheetContent, type SignOffKind, type SignOffReview } from '../../shared/domain/signoff';
import { openBlocking } from '../../shared/signoff/decision-rules';
import { checkGatedDecision, GATE_RULE, gateGaps, recordedGaps, type Gap } from '../../shared/signoff/gates';
import { signOffStatement } from '../../shared/signoff/statement';
import { FALLBACK_LANGUAGE, siteLanguage, type SiteLanguage } from '../../shared/i18n/languages';
import { isValidTimeZone } from '../../shared/time/time-zone';
import { DomainError } from '../services/domain-error';
import { acceptIssueAsException } from '../services/issue-service';
import { getProfile } from '../services/profile-service';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { requireSite, setSiteStatus } from '../services/site-service';
import { deviceKey } from './device-key';
import { readGateFacts } from './gate-facts';
import { attachmentFile, schedulePdf, storedPdf } from './pdf-store';
import { buildMilestoneReview, buildSiteReview } from './review-builder';
import { canonicalHash, sha256Hex, signContent } from './sheet-crypto';
import { insertSheet, latestSheet, parseStoredSheet, requireSheetRow, sheetRows, summarize } from './sheet-store';
import { deploymentExists } from '../services/deployment-service';

interface Subject {
  kind: SignOffKind;
  deploymentId: string;
  siteId: string | null;
}

function resolveSubject(ctx: ServiceContext, input: { kind: SignOffKind; siteId: string | null; deploymentId: string | null }): Subject {
  if (input.kind === 'deployment_milestone') {
    if (!input.deploymentId) throw new DomainError('validation', 'The milestone sheet needs a deploymentId');
    if (!deploymentExists(ctx, input.deploymentId)) throw new DomainError('not_found', `Deployment ${input.deploymentId} does not exist`);
    return { kind: input.kind, deploymentId: input.deploymentId, siteId: null };
  }
  if (!input.siteId) throw new DomainError('validation', 'A site sheet needs a siteId');
  return { kind: input.kind, deploymentId: requireSite(ctx, input.siteId).deploymentId, siteId: input.siteId };
}

function buildReview(ctx: ServiceContext, subject: Subject): SignOffReview {
  return subject.kind === 'deployment_milestone'
    ? buildMilestoneReview(ctx, subject.deploymentId)
    : buildSiteReview(ctx, subject.siteId!, subject.kind);
}

/** The open gaps of what a site sheet covers (the milestone has its own close-out rule). */
function gapsOf(ctx: ServiceContext, subject: Subject, review: SignOffReview): Gap[] {
  return subject.siteId === null ? [] : gateGaps(subject.kind, readGateFacts(ctx, subject.siteId, review.issues));
}

/** The language asked for, else the site owner's (the site's own, else its country's); the milestone defaults to English. */
function languageOf(ctx: ServiceContext, subject: Subject, requested: SiteLanguage | null): SiteLanguage {
  if (requested) return requested;
  return subject.siteId === null ? FALLBACK_LANGUAGE : siteLanguage(requireSite(ctx, subject.siteId));
}

const placeOf = (review: SignOffReview) =>
  review.site ? `${review.site.name} (${review.site.code})` : `${review.deployment.name} ${review.deployment.version}`.trim();

export function reviewSignOff(ctx: ServiceContext, input: ApiParsedInput<'signoff.review'>): ApiOutput<'signoff.review'> {
  const subject = resolveSubject(ctx, input);
  const review = buildReview(ctx, subject);
  const reviewHash = canonicalHash(review);
  const latest = latestSheet(ctx, subject.kind, subject);
  const language = languageOf(ctx, subject, input.language);
  return {
    review,
    reviewHash,
    language,
    statement: signOffStatement(subject.kind, placeOf(review), language),
    blockingIssueIds: openBlocking(review.issues).map((i) => i.id),
    gaps: gapsOf(ctx, subject, review),
    latestSheetId: latest?.id ?? null,
    changedSinceSignOff: latest !== undefined && latest.reviewHash !== reviewHash,
  };
}

/**
 * Which of a site's sheets are out of date. Only kinds that have a sheet are reviewed, so a site
 * nobody signed yet costs two lookups, not two full reviews (which read the whole inventory).
 */
export function changedSinceSignOff(ctx: ServiceContext, { siteId }: ApiParsedInput<'signoff.changed'>): ApiOutput<'signoff.changed'> {
  const kinds = ['core_components', 'site_complete'] as const;
  const changed = kinds.filter((kind) => {
    const subject = resolveSubject(ctx, { kind, siteId, deploymentId: null });
    const latest = latestSheet(ctx, kind, subject);
    return latest !== undefined && latest.reviewHash !== canonicalHash(buildReview(ctx, subject));
  });
  return { changed };
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function checkSignatureImage(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.toString('base64') !== base64 || !bytes.subarray(0, 8).equals(PNG_MAGIC))
    throw new DomainError('validation', 'The drawn signature is not a PNG image');
  return sha256Hex(bytes);
}

function checkTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new DomainError('validation', `Unknown time zone "${zone}"`);
}

/**
 * Signs a sheet in the caller's transaction: refuses when the review changed since it was shown
 * or the decision breaks the rules (the sign-off gates: "accepted" over any open gap is refused
 * naming each gap), accepts the listed issues as exceptions, re-reads the review
 * (now with those issues accepted), hashes and signs the content and stores the immutable sheet.
 */
export function signSheet(ctx: ServiceContext, dataDir: string, input: ApiParsedInput<'signoff.sign'>): ApiOutput<'signoff.sign'> {
  const subject = resolveSubject(ctx, input);
  if (subject.kind === 'deployment_milestone') {
    const role = getProfile(ctx.db)?.role;
    if (!role || !roleMay(role, MANAGER_ROLES))
      throw new DomainError('forbidden', 'The Deployment Complete Milestone is signed by a release manager');
  }
  const before = buildReview(ctx, subject);
  if (canonicalHash(before) !== input.reviewHash)
    throw new DomainError('conflict', 'What this sheet covers changed since the review was shown; review it again');
  const gaps = gapsOf(ctx, subject, before);
  const verdict = checkGatedDecision(input, gaps, before.issues);
  if (!verdict.allowed) throw new DomainError('rule', verdict.reason);
  checkTimeZone(input.signerTimeZone);
  const language = languageOf(ctx, subject, input.language);
  const statement = signOffStatement(subject.kind, placeOf(before), language);
  // What the signer confirmed must be what is signed, word for word (another language, an updated catalog).
  if (input.statement !== undefined && input.statement !== statement)
    throw new DomainError('conflict', 'The statement shown is not the one that would be signed; review it again');
  const imageSha = checkSignatureImage(input.signaturePngBase64);
  const acceptedIssues: Issue[] = input.exceptions.map((e) => acceptIssueAsException(ctx, { issueId: e.issueId, reason: e.reason }));
  const review = buildReview(ctx, subject);
  const byId = new Map(before.issues.map((i) => [i.id, i]));
  const key = deviceKey(ctx.secrets);
  const content: SheetContent = {
    format: 'outpost.signoff/1',
    sheetId: ctx.newId(),
    review,
    decision: input.decision,
    reason: input.reason,
    exceptions: input.exceptions.map((e) => {
      const issue = byId.get(e.issueId)!;
      return { issueId: e.issueId, number: issue.number, siteCode: issue.siteCode, title: issue.title, reason: e.reason };
    }),
    statement,
    language,
    signer: { name: input.signerName, role: input.signerRole, email: input.signerEmail },
    signatureImage: { mediaType: 'image/png', sha256: imageSha, base64: input.signaturePngBase64 },
    signedAt: new Date(ctx.clock.now()).toISOString(),
    signerTimeZone: input.signerTimeZone,
    deviceId: key.deviceId,
    gateRule: GATE_RULE,
    gaps: recordedGaps(gaps, input),
  };
  const sheet = signContent(content, key);
  insertSheet(ctx, sheet, subject, canonicalHash(review));
  recordActivity(ctx, {
    action: 'signed',
    entity: 'sign_off_sheet',
    entityId: content.sheetId,
    siteId: subject.siteId,
    detail: {
      kind: subject.kind,
      decision: input.decision,
      language,
      hash: sheet.hash.value,
      exceptions: content.exceptions.length,
      gaps: gaps.length,
    },
  });
  // The site owner accepting the site completes it; a rejection leaves the status as it was.
  if (subject.kind === 'site_complete' && input.decision !== 'rejected')
    setSiteStatus(ctx, { siteId: subject.siteId!, status: 'signed_off' });
  void schedulePdf(ctx, dataDir, sheet);
  return { sheet: summarize(requireSheetRow(ctx, content.sheetId)), acceptedIssues };
}

export function listSheets(ctx: ServiceContext, input: ApiParsedInput<'signoff.list'>): ApiOutput<'signoff.list'> {
  if (input.siteId) return sheetRows(ctx, { siteId: requireSite(ctx, input.siteId).id }).map(summarize);
  if (input.deploymentId) return sheetRows(ctx, { deploymentId: input.deploymentId }).map(summarize);
  throw new DomainError('validation', 'Give a siteId or a deploymentId');
}

function storedSheet(ctx: ServiceContext, sheetId: string) {
  const parsed = signedSheetSchema.safeParse(parseStoredSheet(requireSheetRow(ctx, sheetId)));
  if (!parsed.success) throw new DomainError('conflict', `Sign-off sheet ${sheetId} is damaged and cannot be read`);
  return parsed.data;
}

export function getSheet(ctx: ServiceContext, { sheetId }: ApiParsedInput<'signoff.get'>): ApiOutput<'signoff.get'> {
  return storedSheet(ctx, sheetId);
}

/** The stored PDF as base64; starts rendering it (and says so) when it is not stored yet. */
export function exportSheetPdf(
  ctx: ServiceContext,
  dataDir: string,
  { sheetId }: ApiParsedInput<'signoff.exportPdf'>,
): ApiOutput<'signoff.exportPdf'> {
  const sheet = storedSheet(ctx, sheetId);
  const sha256 = storedPdf(ctx, sheetId);
  const file = sha256 ? attachmentFile(dataDir, sha256) : null;
  if (!sha256 || !file || !fs.existsSync(file)) {
    void schedulePdf(ctx, dataDir, sheet);
    return { status: 'rendering' };
  }
  const bytes = fs.readFileSync(file);
  if (sha256Hex(bytes) !== sha256) throw new DomainError('conflict', `The stored PDF of sheet ${sheetId} was altered on disk`);
  const where = sheet.content.review.site?.code ?? sheet.content.review.deployment.name;
  const fileName = `signoff-${sheet.content.review.kind}-${where}-${sheet.content.signedAt.slice(0, 10)}.pdf`.replace(
    /[^A-Za-z0-9._-]+/g,
    '_',
  );
  return { status: 'ready', fileName, sha256, base64: bytes.toString('base64') };
}
