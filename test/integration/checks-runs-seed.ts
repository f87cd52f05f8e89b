import path from 'node:path';
import { openDatabase } from '../../core/db/open-database';
import { DATABASE_FILE_NAME } from '../../core/outpost-core';
import { addInventoryItems, addRequirement, addTargetMachine } from '../../core/plan/plan-writer';
import { newId, systemClock } from '../../core/runtime/clock';
import { keyFileCipher } from '../../core/secrets/key-file-cipher';
import { fileSecretStore } from '../../core/secrets/secret-store';
import type { ServiceContext } from '../../core/services/service-context';
import { openTestCore } from '../support/temp-core';

export interface SeedTarget {
  hostName: string;
  address: string;
  port: number;
  username: string;
  role?: string;
  expectedSerial?: string;
}

export interface SeedRequirement {
  kind: string;
  description: string;
  params: Record<string, unknown>;
  targetRole?: string | null;
}

/** A ServiceContext on a data directory's database (for seeding and for runner tests). */
export function openServiceContext(dataDir: string, actor = 'Test Technician'): { ctx: ServiceContext; close(): void } {
  const opened = openDatabase({ file: path.join(dataDir, DATABASE_FILE_NAME), backupDir: path.join(dataDir, 'backups') });
  const secrets = fileSecretStore(dataDir, keyFileCipher(dataDir));
  const ctx: ServiceContext = { db: opened.db, sqlite: opened.sqlite, clock: systemClock, newId, secrets, actor: () => actor };
  return { ctx, close: () => opened.sqlite.close() };
}

/**
 * A data directory with a profile, one deployment ("Checks test", its own requirements) and one
 * site (code CHK) whose target machines are given. Returns the ids.
 */
export function seedCheckSite(dataDir: string, targets: readonly SeedTarget[], requirements: readonly SeedRequirement[]) {
  const core = openTestCore({ dataDir });
  const deployment = core.call('deployments.create', { name: 'Checks test', version: '1' });
  const site = core.call('sites.create', { deploymentId: deployment.id, code: 'CHK', name: 'Checks test site' });
  core.close();
  const { ctx, close } = openServiceContext(dataDir);
  const ids = ctx.sqlite.transaction(() => {
    const requirementIds = requirements.map((r) => addRequirement(ctx, { deploymentId: deployment.id, ...r }));
    const targetIds = targets.map((t) => {
      const [itemId] = t.expectedSerial
        ? addInventoryItems(ctx, site.id, [{ manufacturer: 'Test', model: 'Box', expectedSerial: t.expectedSerial }])
        : [null];
      return addTargetMachine(ctx, {
        siteId: site.id,
        hostName: t.hostName,
        address: t.address,
        port: t.port,
        username: t.username,
        role: t.role ?? '',
        inventoryItemId: itemId ?? null,
      });
    });
    return { requirementIds, targetIds };
  })();
  close();
  return { deploymentId: deployment.id, siteId: site.id, siteCode: site.code, ...ids };
}
