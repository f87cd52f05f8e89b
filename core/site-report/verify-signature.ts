import crypto from 'node:crypto';
import type { ReportProblem } from '../../shared/contract/site-report-methods';
import type { SiteReportFile } from '../../shared/site-report/file-format';
import { publicKeyFingerprint } from '../signoff/device-key';
import { sha256Hex } from '../signoff/sheet-crypto';
import { partsOf, signedHashOf } from './file-hash';

/**
 * The attachments' bytes against their SHA-256 and size, each part's hash, the signed hash, the
 * device key (Ed25519, matching its fingerprint) and the signature. Returns every problem found,
 * each naming what failed.
 */
export function verifyFileIntegrity(file: SiteReportFile): {
  problems: ReportProblem[];
  signatureValid: boolean;
  attachmentsVerified: number;
} {
  const problems: ReportProblem[] = [];
  let attachmentsVerified = 0;
  for (const a of file.attachments) {
    const bytes = Buffer.from(a.base64, 'base64');
    const actual = sha256Hex(bytes);
    if (actual !== a.sha256)
      problems.push({
        code: 'attachment',
        message: `Attachment ${a.sha256.slice(0, 12)}… (${a.mediaType}) does not match its SHA-256: its bytes were changed`,
      });
    else if (bytes.length !== a.size)
      problems.push({
        code: 'attachment',
        message: `Attachment ${a.sha256.slice(0, 12)}… is ${bytes.length} bytes, the file says ${a.size}`,
      });
    else attachmentsVerified += 1;
  }
  const parts = partsOf(file);
  const claimed = file.signature.parts;
  if (parts.manifestSha256 !== claimed.manifestSha256)
    problems.push({ code: 'manifest', message: 'The manifest was changed after the device signed the file' });
  if (parts.rowsSha256 !== claimed.rowsSha256)
    problems.push({ code: 'row', message: 'The rows were changed after the device signed the file (their SHA-256 differs)' });
  if (parts.attachmentsSha256 !== claimed.attachmentsSha256)
    problems.push({ code: 'attachment', message: 'The attachment list was changed after the device signed the file' });
  const hash = signedHashOf(claimed);
  let signatureValid = false;
  if (hash !== file.signature.hash.value) {
    problems.push({ code: 'signature', message: 'The signed hash does not match the file: the signature block was changed' });
  } else {
    signatureValid = checkSignature(file, hash, problems);
  }
  return { problems, signatureValid: signatureValid && problems.length === 0, attachmentsVerified };
}

function checkSignature(file: SiteReportFile, hash: string, problems: ReportProblem[]): boolean {
  const der = Buffer.from(file.manifest.device.publicKey, 'base64');
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    problems.push({ code: 'signature', message: "The device's public key is not readable" });
    return false;
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    problems.push({ code: 'signature', message: "The device's public key is not Ed25519" });
    return false;
  }
  if (publicKeyFingerprint(der) !== file.manifest.device.fingerprint) {
    problems.push({ code: 'signature', message: "The device's public key does not match its fingerprint" });
    return false;
  }
  const signature = Buffer.from(file.signature.signature.value, 'base64');
  if (signature.length !== 64 || !crypto.verify(null, Buffer.from(hash, 'hex'), key, signature)) {
    problems.push({
      code: 'signature',
      message: "The device signature does not verify: the file was not signed by this device's key as it is",
    });
    return false;
  }
  return true;
}
