import crypto from 'node:crypto';
import type { SecretStore } from '../../core/secrets/secret-store';
import { deviceKey } from '../../core/signoff/device-key';
import { signContent } from '../../core/signoff/sheet-crypto';
import type { SheetContent, SignedSheet } from '../../shared/domain/signoff';
import { signaturePng } from './signoff-fixtures';

/** A device secret store held in memory (tests and benchmarks only). */
export function memorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    backend: 'memory',
    weak: true,
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
    has: (key) => values.has(key),
  };
}

export interface SheetSize {
  items: number;
  issues: number;
  targets: number;
  siteName?: string;
  signerName?: string;
  /** The decision's reason and every accepted exception's reason. */
  reason?: string;
  exceptionReason?: string;
}

/** A signed site sheet of a chosen size, without a database (PDF and verification benchmarks and tests). */
export function syntheticSheet(size: SheetSize, secrets: SecretStore = memorySecrets()): SignedSheet {
  const issues = Array.from({ length: size.issues }, (_, i) => ({
    id: `issue-${i + 1}`,
    siteCode: 'KOE-01',
    number: i + 1,
    title: `Issue ${i + 1}: patch panel port ${i + 1} shows no link`,
    severity: (['critical', 'high', 'medium', 'low'] as const)[i % 4]!,
    category: (['hardware', 'software', 'network', 'facility', 'documentation', 'training'] as const)[i % 6]!,
    status: i % 5 === 0 ? ('accepted_exception' as const) : i % 3 === 0 ? ('resolved' as const) : ('closed' as const),
    blocksSignOff: i % 5 === 0,
    escalationLevel: i % 3,
  }));
  const content: SheetContent = {
    format: 'outpost.signoff/1',
    sheetId: `sheet-${size.items}-${size.issues}-${size.targets}`,
    review: {
      kind: 'site_complete',
      deployment: { id: 'dep-1', name: 'Branch refresh 2026', version: '3.2' },
      site: {
        id: 'site-1',
        code: 'KOE-01',
        name: size.siteName ?? 'Köln Hauptbahnhof',
        address: 'Trankgasse 11, 50667 Köln',
        timeZone: 'Europe/Berlin',
        ownerName: 'Jörg Owner',
        ownerEmail: 'owner@example.org',
      },
      components: ['Branch router', 'Core switch', 'Point of sale 5.4', 'Back office server', 'Label printer'].map((name, i) => ({
        name,
        kind: i % 2 ? 'software' : 'hardware',
        scope: i < 2 ? 'core' : 'site',
        targetVersion: i % 2 ? `5.${i}` : null,
      })),
      checklist: ['before', 'during', 'after', 'rollback'].map((phase, i) => ({
        phase,
        done: 10 - i,
        total: 10,
        failed: i === 1 ? 1 : 0,
        openRequired: 0,
        completedAt: i < 3 ? '2026-11-20T10:00:00.000Z' : null,
      })),
      checks: Array.from({ length: size.targets }, (_, i) => ({
        target: `pos-${String(i + 1).padStart(2, '0')}.koe01.example`,
        role: i % 2 ? 'pos' : 'server',
        outcome: 'completed',
        result: `${20 - (i % 3)} passed, ${i % 3} failed, 0 errors`,
        finishedAt: '2026-11-21T08:30:00.000Z',
      })),
      inventory: {
        expected: size.items,
        received: size.items - 3,
        missing: 3,
        surplus: 1,
        damaged: 1,
        exceptions: Array.from({ length: size.items }, (_, i) => ({
          assetTag: `AT-${10000 + i}`,
          model: `ThinkCentre M${70 + (i % 5)}q`,
          serial: `SN${900000 + i}`,
          state: i % 7 === 0 ? 'missing' : 'expected',
          surplus: false,
        })),
      },
      sites: null,
      issues,
      rollbacks: [],
    },
    decision: 'accepted_with_exceptions',
    reason: size.reason ?? '',
    exceptions: issues
      .filter((i) => i.status === 'accepted_exception')
      .map((i) => ({
        issueId: i.id,
        number: i.number,
        siteCode: i.siteCode,
        title: i.title,
        reason: size.exceptionReason ?? 'Replacement part ordered; does not affect trading',
      })),
    statement: 'As site owner, I confirm that I have reviewed the deployment at Köln Hauptbahnhof (KOE-01) as listed on this sheet.',
    signer: { name: size.signerName ?? 'Jörg Łukasiewicz', role: 'Site owner', email: 'owner@example.org' },
    signatureImage: { mediaType: 'image/png', sha256: '', base64: signaturePng() },
    signedAt: '2026-11-24T06:40:12.345Z',
    signerTimeZone: 'Europe/Berlin',
    deviceId: 'device-test',
  };
  content.signatureImage.sha256 = sha256OfBase64(content.signatureImage.base64);
  return signContent(content, deviceKey(secrets));
}

const sha256OfBase64 = (b64: string) => crypto.createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');
