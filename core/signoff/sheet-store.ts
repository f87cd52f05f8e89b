import type { SheetSummary, SignedSheet, SignOffKind } from '../../shared/domain/signoff';
import { notFound } from '../services/domain-error';
import { created, type ServiceContext } from '../services/service-context';
import { verifySheet } from './verify-sheet';

interface SheetRow {
  id: string;
  kind: SignOffKind;
  siteId: string | null;
  reviewHash: string;
  contentHash: string;
  sheetJson: string;
}

const COLUMNS = 'id, kind, site_id AS siteId, review_hash AS reviewHash, content_hash AS contentHash, sheet_json AS sheetJson';

/** Writes a signed sheet. The table refuses any later UPDATE or DELETE. */
export function insertSheet(
  ctx: ServiceContext,
  sheet: SignedSheet,
  subject: { deploymentId: string; siteId: string | null },
  reviewHash: string,
): void {
  const c = sheet.content;
  const audit = created(ctx);
  ctx.sqlite
    .prepare(
      `INSERT INTO sign_off_sheets (id, deployment_id, site_id, kind, decision, signer_name, signer_role, signer_email, signed_at,
         signer_time_zone, device_id, review_hash, content_hash, device_signature, public_key, key_fingerprint, signature_image_sha256,
         sheet_json, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @deploymentId, @siteId, @kind, @decision, @signerName, @signerRole, @signerEmail, @signedAt, @tz, @deviceId,
         @reviewHash, @contentHash, @signature, @publicKey, @fingerprint, @imageSha, @json, @createdAt, @createdBy, @updatedAt, @updatedBy)`,
    )
    .run({
      id: c.sheetId,
      deploymentId: subject.deploymentId,
      siteId: subject.siteId,
      kind: c.review.kind,
      decision: c.decision,
      signerName: c.signer.name,
      signerRole: c.signer.role,
      signerEmail: c.signer.email,
      signedAt: c.signedAt,
      tz: c.signerTimeZone,
      deviceId: c.deviceId,
      reviewHash,
      contentHash: sheet.hash.value,
      signature: sheet.signature.value,
      publicKey: sheet.publicKey.value,
      fingerprint: sheet.publicKey.fingerprint,
      imageSha: c.signatureImage.sha256,
      json: JSON.stringify(sheet),
      ...audit,
    });
}

/** The newest sheet of a kind for a site (or, for the milestone, a deployment). */
export function latestSheet(
  ctx: ServiceContext,
  kind: SignOffKind,
  subject: { deploymentId: string; siteId: string | null },
): SheetRow | undefined {
  return ctx.sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM sign_off_sheets WHERE kind = ? AND deployment_id = ? AND site_id IS ? ORDER BY signed_at DESC, id DESC LIMIT 1`,
    )
    .get(kind, subject.deploymentId, subject.siteId) as SheetRow | undefined;
}

export function sheetRows(ctx: ServiceContext, where: { siteId: string } | { deploymentId: string }): SheetRow[] {
  const [clause, value] =
    'siteId' in where ? ['site_id = ?', where.siteId] : ["deployment_id = ? AND kind = 'deployment_milestone'", where.deploymentId];
  return ctx.sqlite
    .prepare(`SELECT ${COLUMNS} FROM sign_off_sheets WHERE ${clause} ORDER BY signed_at DESC, id DESC`)
    .all(value) as SheetRow[];
}

export function requireSheetRow(ctx: ServiceContext, sheetId: string): SheetRow {
  const row = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM sign_off_sheets WHERE id = ?`).get(sheetId) as SheetRow | undefined;
  if (!row) throw notFound('Sign-off sheet', sheetId);
  return row;
}

export function parseStoredSheet(row: SheetRow): unknown {
  try {
    return JSON.parse(row.sheetJson);
  } catch {
    return null;
  }
}

/** A stored sheet with its verification: the JSON must verify on its own and match the row's hash. */
export function summarize(row: SheetRow): SheetSummary {
  const verdict = verifySheet(parseStoredSheet(row));
  const sheet = verdict.sheet;
  const mismatch = verdict.valid && verdict.sheet.hash.value !== row.contentHash ? 'stored hash differs from the sheet' : null;
  return {
    id: row.id,
    kind: row.kind,
    siteId: row.siteId,
    decision: sheet?.content.decision ?? 'rejected',
    signerName: sheet?.content.signer.name ?? '?',
    signerRole: sheet?.content.signer.role ?? '?',
    signedAt: sheet?.content.signedAt ?? '',
    signerTimeZone: sheet?.content.signerTimeZone ?? '',
    contentHash: row.contentHash,
    keyFingerprint: sheet?.publicKey.fingerprint ?? '',
    exceptionCount: sheet?.content.exceptions.length ?? 0,
    statement: sheet?.content.statement ?? '',
    language: sheet?.content.language ?? null,
    valid: verdict.valid && mismatch === null,
    invalidReason: verdict.valid ? mismatch : verdict.reason,
  };
}
