import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type CoreOptions, type OutpostCore } from '../../core/outpost-core';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';

/** A fresh data directory in the OS temp folder. */
export function tempDataDir(label = 'outpost-test'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

export interface TestCore extends Omit<OutpostCore, 'call'> {
  /** Calls a method and returns its value, failing the test with the typed error otherwise. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): ApiOutput<M>;
  /** The same for action (network) methods, through the core's asynchronous `call`. */
  callAsync<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** The core as the shells see it (its own asynchronous `call` returning typed results). */
  core: OutpostCore;
}

/** A core on a real SQLite file, with a technician profile unless `profile: false`. */
export function openTestCore(
  options: { dataDir?: string; profile?: boolean; sync?: CoreOptions['sync']; clock?: CoreOptions['clock'] } = {},
): TestCore {
  const core = openCore({
    dataDir: options.dataDir ?? tempDataDir(),
    shell: 'test',
    appVersion: '0.0.0-test',
    ...(options.sync ? { sync: options.sync } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const call = <M extends ApiMethod>(method: M, input: ApiInput<M>): ApiOutput<M> => {
    const result = core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as ApiOutput<M>;
  };
  const callAsync = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const result = await core.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as ApiOutput<M>;
  };
  if (options.profile !== false) call('profile.set', { name: 'Test Technician', role: 'technician' });
  return { ...core, call, callAsync, core };
}

/** A core holding the sample deployment; returns the first site's id and the site list. */
export function openSampleCore(options: { dataDir?: string; sync?: CoreOptions['sync'] } = {}) {
  const core = openTestCore(options);
  const { deploymentId } = core.call('sample.open', {});
  const sites = core.call('sites.list', { deploymentId });
  return { core, deploymentId, sites, site: sites[0]! };
}
