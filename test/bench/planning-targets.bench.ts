import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openCore, type OutpostCore } from '../../core/outpost-core';
import { IMPORT_CHUNK_MAX_CHARS } from '../../shared/contract/inventory-import-methods';
import { tempDataDir } from '../support/temp-core';
import { round } from './stats';

export const TARGET_BENCH_SITES = 2000;
export const TARGET_BENCH_HOSTS_PER_SITE = 4;

const code = (i: number) => `STORE-${String(i).padStart(4, '0')}`;

/**
 * An Ansible INI inventory of `sites` stores × 4 hosts: three tills per store as one range line
 * (placed by the code in their names), a back-office server with its address, and group vars.
 */
export function storesIni(sites: number): Buffer {
  const pos: string[] = [];
  const backoffice: string[] = [];
  for (let i = 1; i <= sites; i += 1) {
    const c = code(i).toLowerCase();
    pos.push(`pos[1:3].${c} ansible_port=22`);
    backoffice.push(`bo01.${c} ansible_host=10.${Math.floor(i / 250)}.${i % 250}.10 ansible_user=ops`);
  }
  const text = [
    '[all:vars]',
    'ansible_user=deploy',
    'ansible_become_pass=!vault-looking-not-imported',
    '',
    '[pos]',
    ...pos,
    '',
    '[backoffice]',
    ...backoffice,
    '',
    '[store:children]',
    'pos',
    'backoffice',
    '',
  ].join('\n');
  return Buffer.from(text);
}

function ok<T>(core: OutpostCore, method: string, input: unknown): T {
  const r = core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Preview + commit of 8,000 targets (2,000 sites × 4; fewer sites only for a quick check) from an Ansible INI inventory through the dispatcher. */
export async function benchImportTargets(sites = TARGET_BENCH_SITES): Promise<Record<string, number>> {
  const core = openCore({ dataDir: tempDataDir('outpost-bench-targets'), shell: 'test' });
  try {
    ok(core, 'profile.set', { name: 'Bench Release Manager', role: 'release_manager' });
    const deploymentId = ok<{ id: string }>(core, 'deployments.create', { name: 'Bench store rollout', version: '1' }).id;
    for (let i = 1; i <= sites; i += 1)
      ok(core, 'sites.create', { deploymentId, code: code(i), name: `Store ${i}`, timeZone: 'Europe/Amsterdam' });
    const file = storesIni(sites);
    const expected = sites * TARGET_BENCH_HOSTS_PER_SITE;

    const start = performance.now();
    const uploadId = randomUUID();
    const chunkBytes = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;
    for (let index = 0, offset = 0; offset < file.length; index += 1, offset += chunkBytes) {
      ok(core, 'targetImport.upload', { uploadId, index, chunkBase64: file.subarray(offset, offset + chunkBytes).toString('base64') });
    }
    const preview = ok<{ previewId: string; hostCount: number; counts: { new: number } }>(core, 'targetImport.preview', {
      deploymentId,
      fileName: 'stores.ini',
      uploadId,
    });
    if (preview.hostCount !== expected || preview.counts.new !== expected)
      throw new Error(`preview: ${preview.hostCount} hosts, ${preview.counts.new} new`);
    const committed = ok<{ created: number }>(core, 'targetImport.commit', { previewId: preview.previewId });
    const seconds = (performance.now() - start) / 1000;
    if (committed.created !== expected) throw new Error(`created ${committed.created}`);
    return { 'planning.import_targets_8000_s': round(seconds, 2) };
  } finally {
    core.close();
  }
}
