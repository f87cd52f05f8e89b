import fs from 'node:fs';
import path from 'node:path';
import type { ApiInput } from '../../shared/contract';
import type { TargetImportPreview, TargetRowView } from '../../shared/contract/target-import-methods';
import { openTestCore, type TestCore } from '../support/temp-core';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'target-import');
export const INI_FILE = path.join(FIXTURES, 'stores.ini');
export const YAML_FILE = path.join(FIXTURES, 'stores.yml');

/** A release manager's core with a deployment of three stores (STORE-01 checks that codes match whole parts only). */
export function openTargetImportCore(dataDir?: string): { core: TestCore; deploymentId: string; siteIds: Record<string, string> } {
  const core = openTestCore(dataDir ? { dataDir } : {});
  core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const deploymentId = core.call('deployments.create', { name: 'Store refresh', version: '1' }).id;
  const siteIds: Record<string, string> = {};
  for (const [code, name] of [
    ['STORE-014', 'Utrecht Centrum'],
    ['STORE-027', 'Amersfoort'],
    ['STORE-01', 'Store one'],
  ] as const) {
    siteIds[code] = core.call('sites.create', { deploymentId, code, name, timeZone: 'Europe/Amsterdam' }).id;
  }
  return { core, deploymentId, siteIds };
}

export function previewText(
  core: TestCore,
  deploymentId: string,
  fileName: string,
  text: string,
  extra: Partial<ApiInput<'targetImport.preview'>> = {},
): TargetImportPreview {
  return core.call('targetImport.preview', { deploymentId, fileName, dataBase64: Buffer.from(text).toString('base64'), ...extra });
}

/** What a host row says, without where in the file it was. */
export function rowFacts(rows: readonly TargetRowView[]) {
  return rows
    .map((r) => ({
      host: r.hostName,
      site: r.siteCode,
      from: r.siteFrom,
      address: r.address,
      port: r.port,
      user: r.username,
      role: r.role,
      status: r.status,
      errors: r.errors,
      skipped: [...r.skippedSecrets].sort(),
      other: [...r.otherVars].sort(),
    }))
    .sort((a, b) => a.host.localeCompare(b.host));
}

export function readFixture(file: string): string {
  return fs.readFileSync(file, 'utf8');
}
