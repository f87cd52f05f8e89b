import fs from 'node:fs';
import { SIGN_OFF_DECISION_LABELS, SIGN_OFF_KIND_LABELS, type SignedSheet } from '../../shared/domain/signoff';
import { readEmbeddedSheet } from '../../core/signoff/pdf/embedded-sheet';
import { formatInZone } from '../../core/signoff/pdf/zoned-time';
import { verifySheet } from '../../core/signoff/verify-sheet';
import type { CliCommand, CliIo } from './command';

type Loaded = { ok: true; json: unknown } | { ok: false; reason: string };

async function load(file: string): Promise<Loaded> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, reason: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return readEmbeddedSheet(bytes);
  try {
    return { ok: true, json: JSON.parse(bytes.toString('utf8')) };
  } catch (error) {
    return { ok: false, reason: `neither a PDF nor JSON (${(error as Error).message})` };
  }
}

function describe(sheet: SignedSheet, io: CliIo): void {
  const c = sheet.content;
  const r = c.review;
  io.out(`sheet:      ${SIGN_OFF_KIND_LABELS[r.kind]} (${c.sheetId})`);
  io.out(`deployment: ${`${r.deployment.name} ${r.deployment.version}`.trim()}`);
  if (r.site) io.out(`site:       ${r.site.code} ${r.site.name}`);
  io.out(`decision:   ${SIGN_OFF_DECISION_LABELS[c.decision]}${c.reason ? ` - ${c.reason}` : ''}`);
  for (const e of c.exceptions) io.out(`exception:  ${e.siteCode} #${e.number} ${e.title} - ${e.reason}`);
  io.out(`signed by:  ${c.signer.name}, ${c.signer.role}${c.signer.email ? ` <${c.signer.email}>` : ''}`);
  io.out(`signed at:  ${formatInZone(c.signedAt, c.signerTimeZone)} = ${c.signedAt}`);
  io.out(`covers:     ${r.components.length} components, ${r.checks.length} targets, ${r.issues.length} issues${r.inventory ? `, ${r.inventory.expected} expected items` : ''}`);
  io.out(`sha-256:    ${sheet.hash.value}`);
  io.out(`key:        ${sheet.publicKey.fingerprint} (device ${c.deviceId})`);
}

/** `outpost verify FILE`: checks a sign-off sheet (JSON, or the PDF with the sheet attached) without any database. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Verify a sign-off sheet (JSON or its PDF): prints what was signed and VALID or INVALID',
  usage: 'outpost verify FILE   (a sign-off sheet .json or .pdf; exit 0 when VALID, 1 otherwise)',
  async run(args, io) {
    if (args.length !== 1) {
      io.err(this.usage);
      return 1;
    }
    const loaded = await load(args[0]!);
    if (!loaded.ok) {
      io.out(`INVALID: ${loaded.reason}`);
      return 1;
    }
    const verdict = verifySheet(loaded.json);
    if (verdict.sheet) describe(verdict.sheet, io);
    io.out(verdict.valid ? 'VALID' : `INVALID: ${verdict.reason}`);
    return verdict.valid ? 0 : 1;
  },
};
