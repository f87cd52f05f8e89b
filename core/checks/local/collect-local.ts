import { Worker } from 'node:worker_threads';
import { createLogger } from '../../logging/logger';
import type { Facts } from '../../../shared/checks/facts';
import type { CollectOutcome, ProbeRequest } from '../collector-types';
import { reportProbing } from '../collect-many';
import { localFactsWorkerEntry } from './worker-entry';

const log = createLogger('checks.local');

export interface LocalLimits {
  /** Time limit for each systeminformation / dpkg / systemctl call. */
  callMs: number;
  /** Time limit for the whole collection; the worker is terminated after it. */
  overallMs: number;
}

export const DEFAULT_LOCAL_LIMITS: LocalLimits = { callMs: 10_000, overallMs: 30_000 };

/**
 * "Check this machine": gathers this machine's facts in a worker thread (systeminformation blocks)
 * and answers the probed requirements locally. Never throws.
 */
export async function collectLocal(
  probes: ProbeRequest[],
  signal?: AbortSignal,
  limits: LocalLimits = DEFAULT_LOCAL_LIMITS,
): Promise<CollectOutcome> {
  if (signal?.aborted) return { ok: false, reason: 'cancelled', message: 'Cancelled before starting.' };
  const entry = localFactsWorkerEntry();
  if (!entry) return { ok: false, reason: 'error', message: 'The local facts worker is missing from this build.' };
  return new Promise<CollectOutcome>((resolve) => {
    let settled = false;
    const commands = new Set<number>();
    const worker = new Worker(entry.file, {
      workerData: { probes, callLimitMs: limits.callMs },
      eval: entry.eval,
      stdout: false,
      stderr: false,
    });
    const finish = (outcome: CollectOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      // Commands a probe started (process groups) must not outlive an early stop.
      for (const pid of commands) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already ended
        }
      }
      resolve(outcome);
    };
    const onAbort = () => finish({ ok: false, reason: 'cancelled', message: 'Checking this machine was cancelled.' });
    signal?.addEventListener('abort', onAbort, { once: true });
    reportProbing(signal);
    const timer = setTimeout(
      () => finish({ ok: false, reason: 'timeout', message: `Checking this machine did not finish within ${limits.overallMs} ms.` }),
      limits.overallMs,
    );
    worker.on(
      'message',
      (
        message:
          | { type: 'command'; pid: number; running: boolean }
          | { type: 'done'; ok: true; facts: Facts }
          | { type: 'done'; ok: false; message: string },
      ) => {
        if (message.type === 'command') {
          if (message.running) commands.add(message.pid);
          else commands.delete(message.pid);
          return;
        }
        commands.clear();
        finish(
          message.ok
            ? { ok: true, facts: message.facts, hostKey: null }
            : { ok: false, reason: 'error', message: `Checking this machine failed: ${message.message}` },
        );
      },
    );
    worker.once('error', (error) => {
      log.warn('local facts worker failed', { error: error.message });
      finish({ ok: false, reason: 'error', message: `Checking this machine failed: ${error.message}` });
    });
    worker.once('exit', (code) =>
      finish({ ok: false, reason: 'error', message: `The local facts worker stopped (exit ${code}) before answering.` }),
    );
  });
}
