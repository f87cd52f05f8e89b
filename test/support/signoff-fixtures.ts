import type { ApiInput } from '../../shared/contract';
import type { TestCore } from './temp-core';
import { encodePngBase64 } from '../../core/sample/png-encode';

/** A real RGBA PNG of a drawn "signature" (a wave; `variant` changes its shape), base64. */
export function signaturePng(variant = 1, width = 300, height = 100): string {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let x = 0; x < width; x++) {
    const y = Math.round(height / 2 + (height / 3) * Math.sin((x / width) * Math.PI * 2 * variant));
    for (let dy = -1; dy <= 1; dy++) {
      const row = Math.min(height - 1, Math.max(0, y + dy));
      const at = row * (width * 4 + 1) + 1 + x * 4;
      raw[at + 3] = 255; // opaque black
    }
  }
  return encodePngBase64(width, height, 6, raw);
}

type SignInput = ApiInput<'signoff.sign'>;

/**
 * Reviews a site and signs it with the given decision and exceptions. "Accepted with exceptions"
 * without `gapReasons` gives a reason for every open gap other than issues (the sign-off gates).
 */
export function signSite(core: TestCore, siteId: string, options: Partial<SignInput> = {}) {
  const kind = options.kind ?? 'site_complete';
  const { reviewHash, gaps } = core.call('signoff.review', { siteId, kind, language: options.language ?? 'en' });
  const gapReasons =
    options.decision === 'accepted_with_exceptions'
      ? gaps.filter((g) => g.kind !== 'open_issue').map((g) => ({ gapId: g.id, reason: `Agreed with the site owner: ${g.label}` }))
      : [];
  return core.call('signoff.sign', {
    kind,
    siteId,
    reviewHash,
    decision: 'accepted',
    gapReasons,
    signerName: 'Jörg Łukasiewicz',
    signerRole: 'Site owner',
    signerEmail: 'owner@example.org',
    signerTimeZone: 'Europe/Berlin',
    signaturePngBase64: signaturePng(),
    statementConfirmed: true,
    // English unless a test asks for a language (the sample's first site, Amsterdam, reads Dutch).
    language: 'en',
    ...options,
  });
}
