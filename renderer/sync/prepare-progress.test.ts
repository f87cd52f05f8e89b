import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync-methods';
import { observePrepare, readyText, type PrepareRun } from './prepare-progress';

const base: SyncStatus = {
  account: null,
  state: 'syncing',
  online: true,
  pendingOperations: 0,
  pendingAttachments: 0,
  conflicts: 0,
  quarantined: 0,
  lastSuccessAt: null,
  lastAttemptAt: null,
  nextAttemptAt: null,
  lastError: null,
  progress: null,
  preparedSites: [],
};
const run: PrepareRun = { siteIds: ['a', 'b'], startedAt: '2026-11-24T10:00:00.000Z', attachments: 0 };

describe('observePrepare', () => {
  it('keeps running until every chosen site is prepared after the start, and counts attachments', () => {
    let step = observePrepare(run, { ...base, progress: { phase: 'attachments_down', done: 3, total: 12 } });
    expect(step.outcome).toEqual({ kind: 'running' });
    expect(step.run.attachments).toBe(12);
    step = observePrepare(step.run, {
      ...base,
      state: 'idle',
      preparedSites: [
        { siteId: 'a', preparedAt: '2026-11-24T10:00:05.000Z' },
        { siteId: 'b', preparedAt: '2026-11-23T09:00:00.000Z' },
      ],
    });
    expect(step.outcome).toEqual({ kind: 'running' });
    step = observePrepare(step.run, {
      ...base,
      state: 'idle',
      preparedSites: [
        { siteId: 'a', preparedAt: '2026-11-24T10:00:05.000Z' },
        { siteId: 'b', preparedAt: '2026-11-24T10:00:06.000Z' },
      ],
    });
    expect(step.outcome).toEqual({ kind: 'done', sites: 2, attachments: 12 });
  });

  it('reports an error recorded after the start', () => {
    const error = { code: 'offline', message: 'Server unreachable', at: '2026-11-24T10:00:02.000Z' };
    expect(observePrepare(run, { ...base, state: 'offline', lastError: error }).outcome).toEqual({ kind: 'failed', error });
    const old = { ...error, at: '2026-11-24T09:00:00.000Z' };
    expect(observePrepare(run, { ...base, state: 'offline', lastError: old }).outcome).toEqual({ kind: 'running' });
  });
});

describe('readyText', () => {
  it('counts sites and attachments', () => {
    expect(readyText(3, 12)).toBe('Ready to go offline: 3 sites, 12 attachments');
    expect(readyText(1, 1)).toBe('Ready to go offline: 1 site, 1 attachment');
  });
});
