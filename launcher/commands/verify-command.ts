import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SIGN_OFF_DECISION_LABELS, SIGN_OFF_KIND_LABELS, type SignedSheet } from '../../shared/domain/signoff';
import { LANGUAGE_NAMES } from '../../shared/i18n/languages';
import { readEmbeddedSheet } from '../../core/signoff/pdf/embedded-sheet';
import { formatInZone } from '../../core/signoff/pdf/zoned-time';
import { lookupSigner } from '../../core/signoff/signer-lookup';
import { verifySheet } from '../../core/signoff/verify-sheet';
import { defaultDataDir } from '../data-dir';
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
  // What the signer read, in the language it was shown in (sheets from before languages: English, no field).
  io.out(`language:   ${c.language ? `${LANGUAGE_NAMES[c.language]} (${c.language})` : 'English (not recorded: signed before languages)'}`);
  io.out(`statement:  ${c.statement}`);
  io.out(`signed at:  ${formatInZone(c.signedAt, c.signerTimeZone)} = ${c.signedAt}`);
  io.out(
    `covers:     ${r.components.length} components, ${r.checks.length} targets, ${r.issues.length} issues${r.inventory ? `, ${r.inventory.expected} expected items` : ''}`,
  );
  io.out(`sha-256:    ${sheet.hash.value}`);
  io.out(`key:        ${sheet.publicKey.fingerprint} (device ${c.deviceId})`);
}

/**
 * `outpost verify FILE`: checks a sign-off sheet, then who signed it: the key must be one the
 * central server registered (the data directory keeps the list from the last sync). A sheet whose
 * signature holds but whose key is not registered could have been made by anyone with a fresh
 * key: exit 1 unless `--allow-unregistered`.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Verify a sign-off sheet (JSON or its PDF): prints what was signed, who signed it, and VALID or INVALID',
  usage:
    'outpost verify FILE [--data-dir DIR] [--allow-unregistered]\n' +
    '  FILE: a sign-off sheet .json or .pdf. Exit 0 when VALID and signed by a registered device key (the keys come from the\n' +
    '  central server at each sync, kept in DIR); 1 otherwise. --allow-unregistered: a valid sheet from an unregistered key exits 0.',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: { 'data-dir': { type: 'string' }, 'allow-unregistered': { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      io.err(`${(error as Error).message}\n${this.usage}`);
      return 1;
    }
    if (parsed.positionals.length !== 1) {
      io.err(this.usage);
      return 1;
    }
    const loaded = await load(parsed.positionals[0]!);
    if (!loaded.ok) {
      io.out(`INVALID: ${loaded.reason}`);
      return 1;
    }
    const verdict = verifySheet(loaded.json);
    if (verdict.sheet) describe(verdict.sheet, io);
    if (!verdict.valid) {
      io.out(`INVALID: ${verdict.reason}`);
      return 1;
    }
    const dataDir = parsed.values['data-dir'] ?? process.env.OUTPOST_DATA_DIR ?? defaultDataDir();
    const signer = lookupSigner(dataDir, verdict.sheet.publicKey.fingerprint, verdict.sheet.publicKey.value);
    io.out(`signer:     ${signer.description}`);
    if (signer.status === 'registered') {
      io.out('VALID');
      return 0;
    }
    if (parsed.values['allow-unregistered']) {
      io.out('VALID (key not registered: unverified signer; accepted with --allow-unregistered)');
      return 0;
    }
    io.out(
      `UNVERIFIED: the signature holds, but key ${verdict.sheet.publicKey.fingerprint} is not registered: unverified signer (--allow-unregistered accepts it)`,
    );
    return 1;
  },
};
