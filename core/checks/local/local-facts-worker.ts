// Worker entry for "Check this machine": systeminformation and friends block (execSync), so they
// run here, off the main and UI threads. Bundled on its own by build/build-node.mjs
// (dist/launcher/local-facts-worker.mjs, dist/electron/local-facts-worker.cjs).
import { parentPort, workerData } from 'node:worker_threads';
import type { ProbeRequest } from '../collector-types';
import { gatherLocalFacts } from './gather-local-facts';

interface Job {
  probes: ProbeRequest[];
  callLimitMs: number;
}

const job = workerData as Job;
gatherLocalFacts(job.probes, job.callLimitMs).then(
  (facts) => parentPort?.postMessage({ ok: true, facts }),
  (error: unknown) => parentPort?.postMessage({ ok: false, message: (error as Error).message ?? String(error) }),
);
