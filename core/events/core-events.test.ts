// Core events on a real core (SQLite file, sample deployment): a real "check this machine" job
// announces itself when it settles; new sync conflicts are announced after a sync run.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { CoreEvent } from '../../shared/desktop/notification-rules';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';
import type { SyncEngine } from '../sync/sync-engine';
import { announceSyncConflicts, createCoreEvents } from './core-events';

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function sample() {
  const opened = openSampleCore();
  cores.push(opened.core);
  return opened;
}

describe('core events', () => {
  it('announces a finished check job with its site code and counts', async () => {
    const { core, deploymentId, sites } = sample();
    const ams = sites.find((s) => s.code === 'AMS-001')!;
    const seen: CoreEvent[] = [];
    core.events.subscribe((event) => seen.push(event));
    const { jobId } = await core.callAsync('checks.checkThisMachine', { siteId: ams.id });
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 60_000, interval: 100 });
    const status = core.call('checks.status', { jobId });
    expect(status.state).toBe('finished');
    expect(seen[0]).toEqual({
      kind: 'check_job_finished',
      jobId,
      state: 'finished',
      site: { id: ams.id, code: 'AMS-001', deploymentId },
      hosts: 1,
      problemHosts: status.hosts.filter((h) => h.outcome !== 'completed').length,
      failingRequirements: status.hosts[0]!.counts?.fail ?? 0,
    });
  }, 90_000);

  it('announces only new open sync conflicts, after a run', () => {
    const { core } = sample();
    const sqlite = new Database(core.databaseFile);
    onTestFinished(() => {
      sqlite.close();
    });
    const insert = (opId: string) =>
      sqlite
        .prepare(
          `INSERT INTO sync_conflicts (op_id, entity, row_id, kind, partition, data, code, reason, created_at, rejected_at)
           VALUES (?, 'sites', 'r1', 'update', 'p', '{}', 'conflict', 'changed on the server', '2026-12-05T00:00:00Z', '2026-12-05T00:00:00Z')`,
        )
        .run(opId);
    insert('before'); // already open when the core started: not news
    let runEnd: () => void = () => undefined;
    const fakeSync = { onRunEnd: (listener: () => void) => ((runEnd = listener), () => undefined) } as unknown as SyncEngine;
    const events = createCoreEvents();
    const seen: CoreEvent[] = [];
    events.subscribe((event) => seen.push(event));
    announceSyncConflicts(fakeSync, sqlite, events);

    runEnd();
    expect(seen).toEqual([]);
    insert('a');
    insert('b');
    runEnd();
    expect(seen).toEqual([{ kind: 'sync_conflicts', added: 2, open: 3 }]);
    runEnd();
    expect(seen).toHaveLength(1);
    sqlite.prepare("UPDATE sync_conflicts SET dismissed_at = '2026-12-05T01:00:00Z'").run();
    runEnd();
    insert('c');
    runEnd();
    expect(seen.at(-1)).toEqual({ kind: 'sync_conflicts', added: 1, open: 1 });
  });

  it('keeps telling the other listeners when one throws', () => {
    const events = createCoreEvents();
    const second = vi.fn();
    events.subscribe(() => {
      throw new Error('boom');
    });
    const unsubscribe = events.subscribe(second);
    events.emit({ kind: 'sync_conflicts', added: 1, open: 1 });
    expect(second).toHaveBeenCalledOnce();
    unsubscribe();
    events.emit({ kind: 'sync_conflicts', added: 1, open: 2 });
    expect(second).toHaveBeenCalledOnce();
  });
});
