import { performance } from 'node:perf_hooks';
import { openCore, type OutpostCore } from '../../core/outpost-core';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import { previewSiteFile } from '../../launcher/commands/plan-import-sites';
import { csvOf, siteRows } from '../integration/site-import-fixture';
import { tempDataDir } from '../support/temp-core';
import { round } from './stats';

export const SITE_BENCH_SITES = 2000;

function caller(core: OutpostCore) {
  return async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const r = await core.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
    return r.value as ApiOutput<M>;
  };
}

/**
 * Preview + commit of a 2,000-site CSV (aliased headers, windows in four zones, waves by name and
 * number, two technicians each) into an empty deployment, chunked as the app and the CLI send it.
 * Goal: under 5 s.
 */
export async function benchImportSites(sites = SITE_BENCH_SITES): Promise<Record<string, number>> {
  const core = openCore({ dataDir: tempDataDir('outpost-bench-sites'), shell: 'test' });
  try {
    const call = caller(core);
    await call('profile.set', { name: 'Bench Release Manager', role: 'release_manager' });
    const deploymentId = (await call('deployments.create', { name: 'Bench store rollout', version: '1' })).id;
    await call('waves.create', { deploymentId, name: 'Pilot' });
    await call('waves.create', { deploymentId, name: 'Wave 2' });
    const file = csvOf(siteRows(sites));

    const start = performance.now();
    const preview = await previewSiteFile(call, { deploymentId, fileName: 'stores.csv' }, file);
    const result = await call('siteImport.commit', { previewId: preview.previewId });
    const seconds = (performance.now() - start) / 1000;
    if (result.created !== sites) throw new Error(`expected ${sites} sites created, got ${result.created}`);
    return { [`planning.import_sites_${sites}_s`]: round(seconds, 2) };
  } finally {
    core.close();
  }
}
