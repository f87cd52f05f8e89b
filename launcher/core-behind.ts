import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createLogger } from '../core/logging/logger';
import { StartupError, type StartupErrorCode } from '../core/runtime/startup-error';
import type { ApiResult } from '../shared/contract/api-error';
import type { CoreWorkerData, CoreWorkerReply, CoreWorkerRequest } from './core-worker-messages';

const log = createLogger('launcher');

/** The browser shell's core as the host and the launcher use it. */
export interface CoreBehind {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Closes the core; every write is on disk once this resolves. */
  close(): Promise<void>;
}

/**
 * Opens the core behind the listening shell. Loading its modules (the API contract's schemas,
 * drizzle, better-sqlite3) is most of a launch: in the bundle (dist/launcher/core-worker.mjs) that
 * happens on a worker thread, so the main thread serves the page meanwhile; from the sources (tsx)
 * the core loads on the main thread.
 */
export function openCoreBehind(data: CoreWorkerData): Promise<CoreBehind> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'core-worker.mjs');
  return fs.existsSync(bundled) ? openInWorker(bundled, data) : openInProcess(data);
}

async function openInProcess(data: CoreWorkerData): Promise<CoreBehind> {
  const [{ openCore }, { prepareDemo }] = await Promise.all([import('../core/outpost-core'), import('../core/sample/prepare-demo')]);
  const core = openCore({ dataDir: data.dataDir, shell: 'browser', appVersion: data.appVersion });
  if (data.demo) prepareDemo(core);
  return { call: (method, input) => core.call(method, input), close: async () => core.close() };
}

function openInWorker(file: string, data: CoreWorkerData): Promise<CoreBehind> {
  const worker = new Worker(file, { workerData: data });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 0;
  let closed: (() => void) | null = null;
  const send = (request: CoreWorkerRequest) => worker.postMessage(request);
  return new Promise((resolve, reject) => {
    let ready = false;
    worker.on('message', (reply: CoreWorkerReply) => {
      if ('ready' in reply) {
        ready = true;
        resolve({
          call: (method, input) =>
            new Promise((answer) => {
              const id = nextId++;
              pending.set(id, answer);
              send({ id, method, input });
            }),
          close: () =>
            new Promise<void>((done) => {
              closed = done;
              send({ close: true });
            }),
        });
      } else if ('failed' in reply) {
        const { name, code, message, stack } = reply.failed;
        const error = name === 'StartupError' && code ? new StartupError(code as StartupErrorCode, message) : new Error(message);
        if (stack) error.stack = stack;
        reject(error);
      } else if ('closed' in reply) {
        closed?.();
      } else {
        pending.get(reply.id)?.(reply.result);
        pending.delete(reply.id);
      }
    });
    // An error the core did not catch ends the shell, as it did when the core ran on the main thread.
    worker.on('error', (error) => {
      if (!ready) return reject(error);
      log.error('core failed', { message: error.message, stack: error.stack });
      process.exit(1);
    });
    worker.on('exit', (code) => {
      if (closed) return closed();
      if (!ready) return reject(new Error(`The core stopped before it opened (exit ${code})`));
      log.error('core stopped', { code });
      process.exit(1);
    });
  });
}
