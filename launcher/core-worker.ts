import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../core/logging/logger';
import { openCore, type OutpostCore } from '../core/outpost-core';
import { StartupError } from '../core/runtime/startup-error';
import { prepareDemo } from '../core/sample/prepare-demo';
import { apiError, type ApiResult } from '../shared/contract/api-error';
import type { CoreWorkerData, CoreWorkerReply, CoreWorkerRequest } from './core-worker-messages';

// The browser shell's core, on a thread of its own (launcher/core-behind.ts): loading its modules
// is most of a launch, and meanwhile the main thread serves the page.

const port = parentPort!;
const post = (reply: CoreWorkerReply) => port.postMessage(reply);
const data = workerData as CoreWorkerData;

const log = createLogger('core-worker');

/** Through JSON here, as the host would send it: what crosses to the shell is exactly what it sends. */
function asJson(result: ApiResult<unknown>): ApiResult<unknown> {
  try {
    return JSON.parse(JSON.stringify(result)) as ApiResult<unknown>;
  } catch (error) {
    log.error('request failed', { message: (error as Error).message });
    return { ok: false, error: apiError('internal', 'The request failed') };
  }
}

let core: OutpostCore;
try {
  core = openCore({ dataDir: data.dataDir, shell: 'browser', appVersion: data.appVersion });
  if (data.demo) prepareDemo(core);
  post({ ready: true });
} catch (error) {
  const { name, message, stack } = error as Error;
  post({ failed: { name, message, ...(stack ? { stack } : {}), ...(error instanceof StartupError ? { code: error.code } : {}) } });
  port.close();
}

port.on('message', (request: CoreWorkerRequest) => {
  if ('close' in request) {
    core.close();
    post({ closed: true });
    port.close();
    return;
  }
  void core.call(request.method, request.input).then((result) => post({ id: request.id, result: asJson(result) }));
});
