// The bookkeeping of resumed check jobs on a real SQLite file, with fake collectors (no claims
// about SSH here; checks-job-restart.test.ts kills a real process against real sshd).
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, probeRequestsFor } from '../../shared/checks/evaluate';
import type { CollectOutcome } from '../../core/checks/collector-types';
import type { CheckParts } from '../../core/checks/jobs/check-collectors';
import { createCheckJobs } from '../../core/checks/jobs/check-jobs';
import { insertCheckRun } from '../../core/checks/runs/run-store';
import { makeFacts } from '../support/make-facts';
import { openTestCore, tempDataDir } from '../support/temp-core';
import { openServiceContext, seedCheckSite } from './checks-runs-seed';

const closers: (() => void)[] = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

const KEY = { algorithm: 'ssh-ed25519', fingerprint: `SHA256:${'A'.repeat(43)}` };
const OK: CollectOutcome = { ok: true, facts: makeFacts(), hostKey: KEY };

/** Fake collectors, one host at a time; `answer` says what each host (by port) gives. */
function parts(
  answer: (port: number, signal: AbortSignal) => Promise<CollectOutcome>,
  local: (signal: AbortSignal) => Promise<CollectOutcome> = () => Promise.resolve(OK),
): CheckParts {
  return {
    async collectMany(items, collect, options) {
      const out = new Map<(typeof items)[number], CollectOutcome>();
      const signal = options.signal!;
      for (const item of items) {
        if (signal.aborted) break;
        out.set(item, await collect(item, signal));
      }
      return out;
    },
    collectRemote: (target, _probes, signal) => answer(target.port, signal!),
    collectLocal: (_probes, signal) => local(signal!),
    probeRequestsFor,
    evaluate,
  };
}

const untilAborted = (signal: AbortSignal) =>
  new Promise<CollectOutcome>((resolve) =>
    signal.addEventListener('abort', () => resolve({ ok: false, reason: 'cancelled', message: 'Cancelled' })),
  );

function seeded() {
  const dataDir = tempDataDir('checks-resume');
  const seed = seedCheckSite(
    dataDir,
    [0, 1, 2].map((i) => ({ hostName: `host-${i}`, address: '127.0.0.1', port: 2300 + i, username: 'tech' })),
    [{ kind: 'cpu_cores', description: 'At least 1 core', params: { min: 1 } }],
  );
  const core = openTestCore({ dataDir });
  for (const targetId of seed.targetIds) core.call('checks.setCredential', { targetId, kind: 'password', password: 'pw' });
  core.close();
  const { ctx, close } = openServiceContext(dataDir);
  closers.push(close);
  return { ctx, ...seed };
}

describe('resumed check jobs', () => {
  it('a job stopped by closing stays running with no cancelled run; on resume a run stored just before the stop is not redone', async () => {
    const { ctx, siteId, targetIds } = seeded();
    const first = createCheckJobs(parts((port, signal) => (port === 2300 ? Promise.resolve(OK) : untilAborted(signal))));
    const { jobId } = first.startRemote(ctx, { siteId, concurrency: 1 });
    for (let i = 0; i < 200 && first.status(jobId).hosts[0]!.phase !== 'done'; i++) await new Promise((r) => setTimeout(r, 10));
    first.suspendAll();
    await first.wait(jobId);
    expect(ctx.sqlite.prepare('SELECT state FROM check_jobs WHERE id = ?').get(jobId)).toEqual({ state: 'running' });
    expect(ctx.sqlite.prepare('SELECT state FROM check_job_hosts WHERE job_id = ? ORDER BY position').all(jobId)).toEqual([
      { state: 'done' },
      { state: 'queued' },
      { state: 'queued' },
    ]);
    expect(ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM check_runs').get()).toEqual({ n: 1 });

    // The crash window: host-1's run was committed, its host row not yet.
    const stored = insertCheckRun(ctx, {
      siteId,
      targetId: targetIds[1]!,
      targetLabel: 'host-1',
      jobId,
      startedAt: ctx.clock.now(),
      finishedAt: ctx.clock.now(),
      by: 'Test Technician',
      outcome: 'completed',
      message: '',
      hostKey: KEY,
      expectedFingerprint: null,
      facts: null,
      results: [],
      durationMs: 1,
    });
    const collected: number[] = [];
    const second = createCheckJobs(
      parts((port) => {
        collected.push(port);
        return Promise.resolve(OK);
      }),
    );
    expect(second.resumeStored(ctx)).toEqual([jobId]);
    const end = await second.wait(jobId);
    expect(collected).toEqual([2302]);
    expect(end.state).toBe('finished');
    expect(end.hosts.map((h) => h.phase)).toEqual(['done', 'done', 'done']);
    expect(end.hosts[1]!.runId).toBe(stored);
    expect(ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM check_runs WHERE job_id = ?').get(jobId)).toEqual({ n: 3 });
    expect(second.status(jobId, ctx).state).toBe('finished');
    // Nothing left to resume, and a finished job answers from the database in a new process.
    expect(createCheckJobs(parts(() => Promise.resolve(OK))).resumeStored(ctx)).toEqual([]);
    expect(
      createCheckJobs(parts(() => Promise.resolve(OK)))
        .status(jobId, ctx)
        .hosts.map((h) => h.outcome),
    ).toEqual(['completed', 'completed', 'completed']);
  });

  it('resumes a check of this machine with its role', async () => {
    const { ctx, siteId } = seeded();
    const first = createCheckJobs(parts(() => Promise.resolve(OK), untilAborted));
    const { jobId } = first.startThisMachine(ctx, { siteId, role: 'till' });
    first.suspendAll();
    await first.wait(jobId);
    expect(ctx.sqlite.prepare('SELECT kind, role, state FROM check_jobs WHERE id = ?').get(jobId)).toEqual({
      kind: 'this_machine',
      role: 'till',
      state: 'running',
    });
    const second = createCheckJobs(parts(() => Promise.resolve(OK)));
    expect(second.resumeStored(ctx)).toEqual([jobId]);
    const end = await second.wait(jobId);
    expect(end.hosts).toEqual([expect.objectContaining({ targetId: null, phase: 'done', outcome: 'completed' })]);
    expect(ctx.sqlite.prepare('SELECT target_id FROM check_runs WHERE job_id = ?').all(jobId)).toEqual([{ target_id: null }]);
  });
});
