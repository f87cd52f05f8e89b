import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedSheet } from '../../shared/domain/signoff';
import { verifySheet } from '../../core/signoff/verify-sheet';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../support/temp-core';

let core: TestCore;
let sheet: SignedSheet;

beforeAll(() => {
  const opened = openSampleCore();
  core = opened.core;
  const issue = core.call('issues.create', {
    siteId: opened.site.id,
    title: 'Switch firmware too old',
    severity: 'critical',
    category: 'network',
    blocksSignOff: true,
  });
  const { sheet: summary } = signSite(core, opened.site.id, {
    decision: 'accepted_with_exceptions',
    exceptions: [{ issueId: issue.id, reason: 'Vendor patch due next week' }],
  });
  sheet = core.call('signoff.get', { sheetId: summary.id });
});
afterAll(() => core.close());

const copy = (): SignedSheet => structuredClone(sheet);

/** Changes one character of a base64 string (still valid base64, different bytes). */
const flipBase64 = (value: string, at: number) => value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1);

/** The same object with every key order reversed, recursively. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  return value;
}

describe('tamper evidence of a signed sheet', () => {
  it('verifies the sheet as signed, also after a JSON round trip', () => {
    expect(verifySheet(sheet)).toMatchObject({ valid: true });
    expect(verifySheet(JSON.parse(JSON.stringify(sheet)))).toMatchObject({ valid: true });
  });

  it('stays VALID with every key re-ordered (canonical form)', () => {
    const reordered = reverseKeys(sheet) as SignedSheet;
    expect(Object.keys(reordered.content)[0]).not.toBe(Object.keys(sheet.content)[0]);
    expect(verifySheet(reordered)).toMatchObject({ valid: true });
  });

  it('is INVALID after one byte of the content changes', () => {
    const tampered = copy();
    tampered.content.signer.name = tampered.content.signer.name.replace('J', 'K');
    expect(verifySheet(tampered)).toMatchObject({ valid: false, reason: expect.stringContaining('content hash mismatch') });
    const count = copy();
    count.content.review.inventory!.received += 1;
    expect(verifySheet(count)).toMatchObject({ valid: false });
  });

  it('is INVALID after one byte of the device signature or of the hash changes', () => {
    const signature = copy();
    signature.signature.value = flipBase64(signature.signature.value, 10);
    expect(verifySheet(signature)).toMatchObject({ valid: false, reason: expect.stringContaining('device signature') });
    const hash = copy();
    hash.hash.value = (hash.hash.value[0] === 'a' ? 'b' : 'a') + hash.hash.value.slice(1);
    expect(verifySheet(hash)).toMatchObject({ valid: false, reason: expect.stringContaining('hash') });
  });

  it('is INVALID when the signature image is swapped, with or without its hash', () => {
    const swapped = copy();
    swapped.content.signatureImage.base64 = signaturePng(3);
    expect(verifySheet(swapped)).toMatchObject({ valid: false });
    const rehashed = copy();
    rehashed.content.signatureImage.base64 = signaturePng(3);
    rehashed.content.signatureImage.sha256 = '0'.repeat(64);
    expect(verifySheet(rehashed)).toMatchObject({ valid: false, reason: expect.stringContaining('content hash mismatch') });
  });

  it("is INVALID when the signer's time zone is changed, and when the signed time is written another way", () => {
    const zone = copy();
    zone.content.signerTimeZone = 'America/New_York';
    expect(verifySheet(zone)).toMatchObject({ valid: false });
    const offset = copy();
    // Same instant written with an offset: canonical form normalizes it, but the sheet must carry UTC.
    offset.content.signedAt = new Date(sheet.content.signedAt).toISOString().replace('Z', '+00:00');
    expect(verifySheet(offset)).toMatchObject({ valid: false, reason: expect.stringContaining('UTC') });
  });

  it('is INVALID with another public key, or a fingerprint that does not match', () => {
    const other = copy();
    other.publicKey.value = flipBase64(other.publicKey.value, other.publicKey.value.length - 6);
    expect(verifySheet(other).valid).toBe(false);
    const fingerprint = copy();
    fingerprint.publicKey.fingerprint = `SHA256:${'0'.repeat(64)}`;
    expect(verifySheet(fingerprint)).toMatchObject({ valid: false, reason: expect.stringContaining('fingerprint') });
  });

  it('refuses what is not a sheet', () => {
    expect(verifySheet({ hello: 'world' })).toMatchObject({ valid: false, reason: expect.stringContaining('not a sign-off sheet') });
    expect(verifySheet(null).valid).toBe(false);
  });

  it('keeps the private key in the device secret store only', () => {
    expect(core.secrets.has('device:signing-key')).toBe(true);
    const key = core.secrets.get('device:signing-key')!;
    expect(JSON.stringify(sheet)).not.toContain(key.slice(20, 60));
    // A second sheet on this device is signed with the same key.
    const again = signSite(core, core.call('signoff.list', { siteId: sheet.content.review.site!.id })[0]!.siteId!, {
      decision: 'rejected',
      reason: 'second opinion',
    });
    expect(again.sheet.keyFingerprint).toBe(sheet.publicKey.fingerprint);
  });
});
