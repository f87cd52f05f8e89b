import zlib from 'node:zlib';
import type { ApiInput } from '../../shared/contract';
import type { TestCore } from './temp-core';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

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
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return png.toString('base64');
}

type SignInput = ApiInput<'signoff.sign'>;

/**
 * Reviews a site and signs it with the given decision and exceptions. "Accepted with exceptions"
 * without `gapReasons` gives a reason for every open gap other than issues (the sign-off gates).
 */
export function signSite(core: TestCore, siteId: string, options: Partial<SignInput> = {}) {
  const kind = options.kind ?? 'site_complete';
  const { reviewHash, gaps } = core.call('signoff.review', { siteId, kind });
  const gapReasons =
    options.decision === 'accepted_with_exceptions' ? gaps.filter((g) => g.kind !== 'open_issue').map((g) => ({ gapId: g.id, reason: `Agreed with the site owner: ${g.label}` })) : [];
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
    ...options,
  });
}
