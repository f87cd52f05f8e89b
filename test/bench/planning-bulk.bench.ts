import Database from 'better-sqlite3';
import { openCore } from '../../core/outpost-core';
import { tempDataDir } from '../support/temp-core';
import { round } from './stats';

const SITES = 2000;

/**
 * `planning.bulk_assign_2000_ms`: one `sites.bulkEdit` assigning a technician to all 2,000 sites of
 * a deployment, through the core's dispatcher (one transaction: 2,000 site writes, 2,000 activity
 * entries, the undo record). The deployment is in a sync scope, as a published one is, so the
 * capture triggers write their 2,000 outbox entries too. Goal < 500 ms.
 */
export async function benchBulkAssign(): Promise<Record<string, number>> {
  const dataDir = tempDataDir('outpost-bench-bulk');
  const core = openCore({ dataDir, shell: 'test' });
  const call = (method: string, input: unknown) => {
    const r = core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as { id: string };
  };
  call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const deploymentId = call('deployments.create', { name: 'Bulk bench', version: '1' }).id;
  const waveId = call('waves.create', { deploymentId, name: 'Wave 1' }).id;
  const siteIds = Array.from(
    { length: SITES },
    (_, i) =>
      call('sites.create', {
        deploymentId,
        waveId,
        code: `S-${String(i).padStart(4, '0')}`,
        name: `Store ${i}`,
        timeZone: 'Europe/Amsterdam',
        technicians: [`Technician ${i % 100}`],
      }).id,
  );
  const sqlite = new Database(`${dataDir}/outpost.db`);
  sqlite
    .prepare("INSERT INTO sync_scopes (deployment_id, source, since) VALUES (?, 'published', ?)")
    .run(deploymentId, new Date().toISOString());
  sqlite.close();

  const started = performance.now();
  const result = core.dispatch('sites.bulkEdit', {
    deploymentId,
    siteIds,
    action: { kind: 'assignTechnician', technician: 'Riley Field' },
  });
  const ms = performance.now() - started;
  if (!result.ok || (result.value as { changed: number }).changed !== SITES) throw new Error(`bulk edit failed: ${JSON.stringify(result)}`);
  core.close();
  return { 'planning.bulk_assign_2000_ms': round(ms) };
}
