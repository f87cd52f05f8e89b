import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteReportFile } from '../../shared/site-report/file-format';
import { IMPORT_FILE_MAX_BYTES } from '../../shared/contract/inventory-import-methods';
import { partsOf, signedHashOf } from '../../core/site-report/file-hash';
import { publicKeyFingerprint } from '../../core/signoff/device-key';
import type { TestCore } from '../support/temp-core';
import { managerCore, previewText, technicianWithFieldWork } from './site-report-fixture';

let tech: ReturnType<typeof technicianWithFieldWork>;
let manager: TestCore;
let original: string;

beforeAll(() => {
  tech = technicianWithFieldWork();
  manager = managerCore();
  original = tech.core.call('siteReports.exportFile', { siteId: tech.site.id }).content;
});
afterAll(() => {
  tech.core.close();
  manager.close();
});

/** Signs a (changed) file with a fresh Ed25519 key, as a device would. */
function resign(file: SiteReportFile): SiteReportFile {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  file.manifest.device = { id: 'other-device', publicKey: der.toString('base64'), fingerprint: publicKeyFingerprint(der) };
  file.manifest.counts = { rows: file.rows.length, attachments: file.attachments.length };
  const parts = partsOf(file);
  const hash = signedHashOf(parts);
  file.signature = {
    parts,
    hash: { algorithm: 'sha256', value: hash },
    signature: { algorithm: 'ed25519', value: crypto.sign(null, Buffer.from(hash, 'hex'), privateKey).toString('base64') },
  };
  return file;
}

const parse = (): SiteReportFile => JSON.parse(original) as SiteReportFile;
const flipBase64 = (value: string, at: number) => value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1);

/** Rows and files on the manager's device: a refused file must leave them as they were. */
function footprint() {
  const db = new Database(manager.databaseFile, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const dir = path.join(manager.dataDir, 'attachments');
    return {
      sites: count('sites'),
      items: count('inventory_items'),
      issues: count('issues'),
      events: count('issue_events'),
      sheets: count('sign_off_sheets'),
      attachments: count('attachments'),
      imports: count('site_report_imports'),
      files: fs.existsSync(dir) ? fs.readdirSync(dir).length : 0,
    };
  } finally {
    db.close();
  }
}

/** Previews the text; expects it refused with a problem matching `message`; import refused too; nothing written. */
function expectRefused(content: string | Buffer, code: string, message: RegExp) {
  const before = footprint();
  const preview = previewText(manager, 'tampered.outpost-report', content);
  expect(preview.importable).toBe(false);
  expect(
    preview.problems.find((p) => p.code === code && message.test(p.message)),
    JSON.stringify(preview.problems),
  ).toBeTruthy();
  const result = manager.core.dispatch('siteReports.importFile', { previewId: preview.previewId });
  expect(result).toMatchObject({ ok: false, error: { code: 'rule', message: expect.stringContaining('refused') } });
  expect(footprint()).toEqual(before);
  return preview;
}

describe('a tampered site report file is refused, naming what failed, and nothing is written', () => {
  it('one byte of a row (a serial)', () => {
    const file = parse();
    const item = file.rows.find((r) => r.entity === 'inventory_items' && typeof r.data.found_serial === 'string')!;
    item.data.found_serial = `${String(item.data.found_serial)}X`;
    expectRefused(JSON.stringify(file), 'row', /rows were changed/);
  });

  it('a zoned time rewritten to the same instant in another zone (the canonical form would not see it)', () => {
    const file = parse();
    const event = file.rows.find((r) => r.entity === 'issue_events')!;
    const at = new Date(String(event.data.at));
    event.data.at = new Date(at.getTime() + 3600_000)
      .toISOString()
      .replace('Z', '+01:00')
      .replace(/\.\d{3}\+/, `.${String(at.getUTCMilliseconds()).padStart(3, '0')}+`);
    expectRefused(JSON.stringify(file), 'row', /rows were changed/);
  });

  it('one byte of an attachment', () => {
    const file = parse();
    file.attachments[0]!.base64 = flipBase64(file.attachments[0]!.base64, 40);
    expectRefused(JSON.stringify(file), 'attachment', /does not match its SHA-256/);
  });

  it('the manifest (another exporting person)', () => {
    const file = parse();
    file.manifest.exportedBy = 'Mallory';
    expectRefused(JSON.stringify(file), 'manifest', /manifest was changed/);
  });

  it('the signature', () => {
    const file = parse();
    file.signature.signature.value = flipBase64(file.signature.signature.value, 12);
    expectRefused(JSON.stringify(file), 'signature', /device signature does not verify/);
  });

  it('the device public key swapped in the manifest', () => {
    const file = parse();
    const other = JSON.parse(original) as SiteReportFile;
    other.manifest.device.publicKey = Buffer.from(file.manifest.device.publicKey, 'base64').reverse().toString('base64');
    expectRefused(JSON.stringify(other), 'manifest', /manifest was changed/);
  });

  it('a row added after signing, with parts rehashed but not re-signed', () => {
    const file = parse();
    file.rows.pop();
    file.signature.parts.rowsSha256 = 'a'.repeat(64);
    expectRefused(JSON.stringify(file), 'signature', /signed hash does not match/);
  });
});

describe('bad files', () => {
  it('not JSON, truncated, binary, empty', () => {
    expectRefused('hello, this is a CSV;1;2', 'format', /not JSON/);
    expectRefused(original.slice(0, Math.floor(original.length / 2)), 'format', /cut short|truncated/);
    expectRefused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]), 'format', /binary/);
    expectRefused('{"manifest":{"format":"something-else"}}', 'format', /not an Outpost site report/);
  });

  it('a wrong format version', () => {
    const file = parse() as unknown as { manifest: { formatVersion: number } };
    file.manifest.formatVersion = 2;
    expectRefused(JSON.stringify(file), 'format', /format version 2 is not supported/);
  });

  it('rows outside the registry or the site are refused even when a device signed them', () => {
    const file = parse();
    file.rows.find((r) => r.entity === 'issues')!.data.secret = 'x';
    expectRefused(JSON.stringify(resign(file)), 'row', /unknown column secret/);
    const foreign = parse();
    foreign.rows.find((r) => r.entity === 'inventory_items')!.data.site_id = 'another-site';
    expectRefused(JSON.stringify(resign(foreign)), 'row', /belongs to site:another-site/);
    const unknown = parse();
    unknown.rows.push({ entity: 'profile', rowId: '1', data: { id: 1 } });
    expectRefused(JSON.stringify(resign(unknown)), 'row', /unknown entity "profile"/);
    // The desktop's CHECKs, from the same shared rules the server enforces.
    const bogus = parse();
    bogus.rows.find((r) => r.entity === 'issues')!.data.category = 'other';
    expectRefused(JSON.stringify(resign(bogus)), 'row', /issues\.category must be one of hardware, .*\(got 'other'\)/);
  });

  it('a file over the size limit is refused at upload', () => {
    const uploadId = crypto.randomUUID();
    const chunk = Buffer.alloc(120_000, 0x20).toString('base64');
    let refused: unknown = null;
    for (let index = 0; index * 120_000 <= IMPORT_FILE_MAX_BYTES + 120_000; index += 1) {
      const r = manager.core.dispatch('inventoryImport.upload', { uploadId, index, chunkBase64: chunk });
      if (!r.ok) {
        refused = r.error;
        break;
      }
    }
    expect(refused).toMatchObject({ code: 'payload_too_large' });
  });
});

describe('unregistered device keys', () => {
  it('imports a file signed by an unregistered key only once the importer confirms its fingerprint, recorded with who and when', () => {
    const fresh = managerCore();
    try {
      const fingerprint = parse().manifest.device.fingerprint;
      const first = previewText(fresh, 'r.outpost-report', original);
      expect(first.device).toMatchObject({
        known: false,
        keyStatus: 'unregistered',
        signer: 'key not registered: unverified signer',
        fingerprint,
      });
      const imports = () => fresh.call('siteReports.imports', {}).length;
      expect(fresh.dispatch('siteReports.importFile', { previewId: first.previewId })).toMatchObject({
        ok: false,
        error: { code: 'rule', message: expect.stringContaining(`key ${fingerprint} is not registered (unverified signer)`) },
      });
      const wrong = `SHA256:${'0'.repeat(64)}`;
      expect(fresh.dispatch('siteReports.importFile', { previewId: first.previewId, confirmFingerprint: wrong })).toMatchObject({
        ok: false,
        error: { code: 'rule', message: expect.stringContaining('is not the file') },
      });
      expect(imports()).toBe(0);
      fresh.call('siteReports.importFile', { previewId: first.previewId, confirmFingerprint: fingerprint });
      expect(imports()).toBe(1);
      const db = new Database(fresh.databaseFile, { readonly: true });
      const recorded = db
        .prepare('SELECT fingerprint, confirmed_by AS confirmedBy, confirmed_at AS confirmedAt FROM confirmed_device_keys')
        .all();
      db.close();
      expect(recorded).toEqual([
        { fingerprint, confirmedBy: fresh.call('profile.get', {})!.name, confirmedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      ]);
      const again = previewText(fresh, 'r.outpost-report', original);
      expect(again.device).toMatchObject({
        known: true,
        keyStatus: 'confirmed',
        signer: expect.stringContaining('fingerprint confirmed by'),
      });
    } finally {
      fresh.close();
    }
  });
});
