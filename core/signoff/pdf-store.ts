import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SignedSheet } from '../../shared/domain/signoff';
import { createLogger } from '../logging/logger';
import { writeFileAtomically } from '../storage/atomic-file';
import type { ServiceContext } from '../services/service-context';

const log = createLogger('signoff-pdf');
const rendering = new Map<string, Promise<void>>();

export const attachmentFile = (dataDir: string, sha256: string) => path.join(dataDir, 'attachments', sha256);

/** A stored file whose bytes still match its hash, or null (not on this device, or altered). */
function intactAttachment(dataDir: string, sha256: string): Uint8Array | null {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const file = attachmentFile(dataDir, sha256);
  if (!fs.existsSync(file)) return null;
  const bytes = fs.readFileSync(file);
  return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
}

/** The stored PDF of a sheet, if it has been rendered. */
export function storedPdf(ctx: ServiceContext, sheetId: string): string | null {
  const row = ctx.sqlite.prepare('SELECT sha256 FROM sign_off_pdfs WHERE sheet_id = ?').get(sheetId) as { sha256: string } | undefined;
  return row?.sha256 ?? null;
}

/** Renders and stores the PDF by its SHA-256 (file first, then the rows naming it). */
async function renderAndStore(ctx: ServiceContext, dataDir: string, sheet: SignedSheet): Promise<void> {
  // pdf-lib and qrcode load on the first PDF, not when Outpost starts.
  const { renderSheetPdf } = await import('./pdf/sheet-pdf');
  const bytes = await renderSheetPdf(sheet, (sha256) => intactAttachment(dataDir, sha256));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!ctx.sqlite.open) return;
  writeFileAtomically(attachmentFile(dataDir, sha256), bytes);
  const at = ctx.clock.now();
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO attachments (sha256, media_type, size, created_at, created_by) VALUES (?, 'application/pdf', ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
      )
      .run(sha256, bytes.length, at, sheet.content.signer.name);
    ctx.sqlite
      .prepare('INSERT INTO sign_off_pdfs (sheet_id, sha256, created_at) VALUES (?, ?, ?) ON CONFLICT (sheet_id) DO NOTHING')
      .run(sheet.content.sheetId, sha256, at);
  })();
}

/**
 * Starts rendering a sheet's PDF in the background unless it is stored or under way. Called after
 * signing (the sheet is committed by the time this runs) and when an export finds no PDF yet.
 */
export function schedulePdf(ctx: ServiceContext, dataDir: string, sheet: SignedSheet): Promise<void> {
  const id = sheet.content.sheetId;
  const running = rendering.get(id);
  if (running) return running;
  const job = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => {
      if (!ctx.sqlite.open) return;
      const exists = ctx.sqlite.prepare('SELECT 1 FROM sign_off_sheets WHERE id = ?').get(id);
      if (exists && storedPdf(ctx, id) === null) return renderAndStore(ctx, dataDir, sheet);
    })
    .catch((error: unknown) => log.error('rendering the sign-off PDF failed', { sheetId: id, message: (error as Error).message }))
    .finally(() => rendering.delete(id));
  rendering.set(id, job);
  return job;
}
