// Worker entry for "Check this machine": systeminformation and friends block (execSync), so they
// run here, off the main and UI threads. Bundled on its own by build/build-node.mjs
// (dist/launcher/local-facts-worker.mjs, dist/electron/local-facts-worker.cjs).
import { parentPort, workerData } from 'node:worker_threads';
import type { ProbeRequest } from '../collector-types';
import { gatherLocalFacts } from './gather-local-facts';
import { watchCommands } from './local-probes';

interface Job {
  probes: ProbeRequest[];
  callLimitMs: number;
}

const job = workerData as Job;
// The parent ends these process groups if it stops the worker early (time limit, cancel).
watchCommands((pid, running) => parentPort?.postMessage({ type: 'command', pid, running }));
gatherLocalFacts(job.probes, job.callLimitMs).then(
  (facts) => parentPort?.postMessage({ type: 'done', ok: true, facts }),
  (error: unknown) => parentPort?.postMessage({ type: 'done', ok: false, message: (error as Error).message ?? String(error) }),
);
