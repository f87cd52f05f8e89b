import path from 'node:path';
import { openDatabase } from '../../core/db/open-database';
import { DATABASE_FILE_NAME } from '../../core/outpost-core';
import { addInventoryItems } from '../../core/plan/plan-writer';
import { newId, systemClock } from '../../core/runtime/clock';
import { bulkInventory } from '../../core/sample/sample-hardware';
import { seededRandom } from '../../core/sample/seeded-random';
import { keyFileCipher } from '../../core/secrets/key-file-cipher';
import { fileSecretStore } from '../../core/secrets/secret-store';
import { openTestCore } from './temp-core';

/**
 * A data directory holding the sample deployment plus one extra site with `count` expected
 * items (deterministic serials). Returns the big site's id and its serials, and the deployment's id.
 */
export function createBulkSite(dataDir: string, count: number): { siteId: string; serials: string[]; deploymentId: string } {
  const core = openTestCore({ dataDir });
  const { deploymentId } = core.call('sample.open', {});
  core.close();
  return { ...addBulkSite(dataDir, deploymentId, { code: 'DC-BULK', tagPrefix: 'DC', seed: 20_000 }, count), deploymentId };
}

/** One more site of `count` expected items in the deployment (serials from `seed`, asset tags `tagPrefix-nnnnnn`). */
export function addBulkSite(
  dataDir: string,
  deploymentId: string,
  site: { code: string; tagPrefix: string; seed: number },
  count: number,
): { siteId: string; serials: string[] } {
  const core = openTestCore({ dataDir });
  const created = core.call('sites.create', { deploymentId, code: site.code, name: `Distribution centre ${site.code} (bulk)` });
  core.close();

  const opened = openDatabase({ file: path.join(dataDir, DATABASE_FILE_NAME), backupDir: path.join(dataDir, 'backups') });
  const secrets = fileSecretStore(dataDir, keyFileCipher(dataDir));
  const ctx = { db: opened.db, sqlite: opened.sqlite, clock: systemClock, newId, secrets, actor: () => 'Bench Loader' };
  const drafts = bulkInventory(seededRandom(site.seed), site.tagPrefix, count);
  opened.sqlite.transaction(() => addInventoryItems(ctx, created.id, drafts))();
  opened.sqlite.close();
  return { siteId: created.id, serials: drafts.map((d) => d.expectedSerial!) };
}
