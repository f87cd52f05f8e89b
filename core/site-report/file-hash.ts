import { canonicalJson } from '../../shared/signoff/canonical-json';
import { attachmentList, signedEnvelope, type SignedParts, type SiteReportFile } from '../../shared/site-report/file-format';
import { sha256Hex } from '../signoff/sheet-crypto';

/** The hashes of a file's parts, computed from what it carries. */
export function partsOf(file: Pick<SiteReportFile, 'manifest' | 'rows' | 'attachments'>): SignedParts {
  return {
    manifestSha256: sha256Hex(canonicalJson(file.manifest)),
    rowsSha256: sha256Hex(JSON.stringify(file.rows)),
    attachmentsSha256: sha256Hex(canonicalJson(attachmentList(file.attachments))),
  };
}

/** The SHA-256 the device signs: of the canonical JSON of the parts' hashes. */
export function signedHashOf(parts: SignedParts): string {
  return sha256Hex(canonicalJson(signedEnvelope(parts)));
}
