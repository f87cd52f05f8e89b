import { pullPartitions } from './pull';
import { checkAborted, type SyncRun } from './sync-deps';
import { SyncError } from './sync-error';
import { markSitePrepared } from './sync-store';

/**
 * "Prepare for site": pulls the chosen sites' partitions and their deployments' partitions
 * completely, attachments included (each page fetches the attachments it references first), then
 * records the sites as prepared.
 */
export async function prepareSites(run: SyncRun, siteIds: readonly string[]): Promise<void> {
  const { partitions } = await run.client.partitions();
  checkAborted(run);
  const wanted = new Set(siteIds);
  const sites = partitions.filter((p) => p.siteId !== null && wanted.has(p.siteId));
  const missing = siteIds.filter((id) => !sites.some((p) => p.siteId === id));
  if (missing.length > 0) {
    throw new SyncError(
      'forbidden',
      `The server does not offer ${missing.length === 1 ? 'this site' : 'these sites'} to this account`,
      `sites: ${missing.join(', ')}`,
    );
  }
  const deployments = new Set(sites.map((p) => p.deploymentId));
  await pullPartitions(run, [...partitions.filter((p) => p.siteId === null && deployments.has(p.deploymentId)), ...sites]);
  checkAborted(run);
  const at = run.deps.clock.now();
  run.deps.sqlite.transaction(() => {
    for (const siteId of siteIds) markSitePrepared(run.deps.sqlite, siteId, at);
  })();
}
