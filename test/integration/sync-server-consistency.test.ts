// Nothing twice, nothing skipped, nothing lost: idempotent pushes, cursors under concurrent pushes,
// concurrent edits of a shared column, and reset_required after tombstones are purged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, OperationResult, WireRow } from '../../shared/sync/wire';
import { purgeTombstones } from '../../server/sync/retention';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { expectAllApplied, op, PASSWORD, planOperations, sampleRow, signIn, tableCounts, type Device } from './sync-server-fixture';

async function snapshot(server: TestServer): Promise<unknown[]> {
  return server.db.query(
    `SELECT d.entity, d.row_id, d.version, d.deleted, d.data, c.seq FROM docs d LEFT JOIN change_log c USING (entity, row_id) ORDER BY d.entity, d.row_id`,
  );
}

function apply(into: Map<string, Change>, changes: Change[]): void {
  for (const change of changes) into.set(`${change.entity}/${change.rowId}`, change);
}

describe.each(SERVER_BACKENDS)('sync consistency (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;
  let alice: Device;
  let aliceTablet: Device;
  let admin: Device;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', role: 'release_manager', password: PASSWORD });
    await server.createUser({ username: 'alice', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'root', role: 'administrator', password: PASSWORD });
    rita = await signIn(server, 'rita');
    alice = await signIn(server, 'alice');
    aliceTablet = await signIn(server, 'alice', 'tablet');
    admin = await signIn(server, 'root');
    expectAllApplied(
      await rita.push(
        planOperations('d1', [
          { id: 's1', technicians: ['alice'] },
          { id: 's2', technicians: ['alice'] },
        ]),
      ),
    );
  }, 120_000);
  afterAll(async () => server?.stop());

  it('answers the same batch twice with duplicates and changes nothing the second time', async () => {
    const batch = [
      op('issues', 'insert', sampleRow('issues', { id: 'idem-1', site_id: 's1', status: 'open' })),
      op('issues', 'update', { id: 'idem-1', status: 'resolved' }, { partition: 'site:s1', baseVersion: 1 }),
      op('issue_events', 'insert', sampleRow('issue_events', { id: 'idem-ev', issue_id: 'idem-1' }), { partition: 'site:s1' }),
      op('deployments', 'update', { id: 'd1', name: 'not mine to change' }, { partition: 'deployment:d1', baseVersion: 1 }),
    ];
    const first = await alice.push(batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'rejected']);
    expect(first[1]).toMatchObject({ version: 2 });
    const before = { rows: await snapshot(server), counts: await tableCounts(server) };

    const second = await alice.push(batch);
    expect(second.slice(0, 3)).toEqual([
      { opId: batch[0]!.opId, status: 'duplicate', version: 1 },
      { opId: batch[1]!.opId, status: 'duplicate', version: 2 },
      { opId: batch[2]!.opId, status: 'duplicate', version: 1 },
    ]);
    // A replayed refusal gets the same answer.
    expect(second[3]).toEqual(first[3]);
    expect({ rows: await snapshot(server), counts: await tableCounts(server) }).toEqual(before);

    // The same operation ids from the same user's other device are not its own: refused, nothing written.
    const foreign = await aliceTablet.push(batch);
    expect(foreign.map((r) => r.status === 'rejected' && r.code)).toEqual([
      'foreign_operation',
      'foreign_operation',
      'foreign_operation',
      'foreign_operation',
    ]);
    expect({ rows: await snapshot(server), counts: await tableCounts(server) }).toEqual(before);
  });

  it('applies a batch sent twice at the same moment (a retry racing the original) once', async () => {
    const batch = Array.from({ length: 20 }, (_, k) =>
      op('check_runs', 'insert', sampleRow('check_runs', { id: `race-${k}`, site_id: 's1' })),
    );
    batch.push(op('issues', 'insert', sampleRow('issues', { id: 'race-issue', site_id: 's2' })));
    const before = await tableCounts(server);
    const [a, b] = await Promise.all([alice.push(batch), alice.push(batch)]);
    const statuses = [a.map((r) => r.status), b.map((r) => r.status)].sort();
    expect(statuses).toEqual([Array(21).fill('applied'), Array(21).fill('duplicate')]);
    const after = await tableCounts(server);
    expect(after.docs! - before.docs!).toBe(21);
    expect(after.applied_ops! - before.applied_ops!).toBe(21);
    expect(after.sequences! - before.sequences!).toBe(21);
  });

  it('tombstones deletes, refuses updates of deleted rows and resurrects on insert', async () => {
    const row = sampleRow('issues', { id: 'phoenix', site_id: 's1', status: 'open' });
    expectAllApplied(await alice.push([op('issues', 'insert', row)]));
    const [deleted] = await rita.push([op('issues', 'delete', { id: 'phoenix' }, { partition: 'site:s1', baseVersion: 1 })]);
    expect(deleted).toMatchObject({ status: 'applied', version: 2 });
    const [late] = await alice.push([
      op('issues', 'update', { id: 'phoenix', status: 'closed' }, { partition: 'site:s1', baseVersion: 1 }),
    ]);
    expect(late).toMatchObject({ status: 'rejected', code: 'row_deleted' });
    const [again] = await alice.push([op('issues', 'delete', { id: 'phoenix' }, { partition: 'site:s1', baseVersion: 1 })]);
    expect(again).toMatchObject({ status: 'applied', version: 2 });
    const [back] = await alice.push([op('issues', 'insert', { ...row, title: 'reopened' })]);
    expect(back).toMatchObject({ status: 'applied', version: 3 });
    const pulled = (await alice.pullAll('site:s1')).changes.filter((c) => c.rowId === 'phoenix');
    expect(pulled).toEqual([expect.objectContaining({ version: 3, deleted: false, data: expect.objectContaining({ title: 'reopened' }) })]);
  });

  it('renumbers an issue or issue event whose number another device took offline', async () => {
    const [first] = await alice.push([op('issues', 'insert', sampleRow('issues', { id: 'num-a', site_id: 's2', number: 50 }))]);
    expect(first).toEqual({ opId: expect.any(String), status: 'applied', version: 1 });
    const [second] = await aliceTablet.push([op('issues', 'insert', sampleRow('issues', { id: 'num-b', site_id: 's2', number: 50 }))]);
    expect(second).toMatchObject({ status: 'applied', version: 1, overwrote: [{ column: 'number', replaced: 50, by: 51 }] });
    const events = await Promise.all([
      alice.push([
        op('issue_events', 'insert', sampleRow('issue_events', { id: 'num-ev-a', issue_id: 'num-a', seq: 1 }), { partition: 'site:s2' }),
      ]),
      aliceTablet.push([
        op('issue_events', 'insert', sampleRow('issue_events', { id: 'num-ev-b', issue_id: 'num-a', seq: 1 }), { partition: 'site:s2' }),
      ]),
    ]);
    expect(events.map(([r]) => (r!.status === 'applied' && r!.overwrote ? r!.overwrote : [])).flat()).toEqual([
      { column: 'seq', replaced: 1, by: 2 },
    ]);
    const rows = (await alice.pullAll('site:s2')).changes.filter((c) => c.rowId.startsWith('num-'));
    const numbers = Object.fromEntries(rows.map((c) => [c.rowId, c.data!.number ?? c.data!.seq]));
    expect(numbers['num-a']).toBe(50);
    expect(numbers['num-b']).toBe(51);
    expect([numbers['num-ev-a'], numbers['num-ev-b']].sort()).toEqual([1, 2]);
  });

  it('creates a partition once when two batches create it at the same moment', async () => {
    const deployment = sampleRow('deployments', { id: 'd-race', name: 'Race' });
    const [mine, theirs] = await Promise.all([
      rita.push([op('deployments', 'insert', deployment)]),
      admin.push([op('waves', 'insert', sampleRow('waves', { id: 'w-race', deployment_id: 'd-race' }))]),
    ]);
    expectAllApplied([...mine, ...theirs]);
    const pulled = await rita.pullAll('deployment:d-race');
    expect(pulled.changes.map((c) => c.rowId).sort()).toEqual(['d-race', 'w-race']);
    expect(pulled.changes.map((c) => c.seq).sort()).toEqual([1, 2]);
    expect((await rita.partitions()).find((p) => p.partition === 'deployment:d-race')).toMatchObject({ label: 'Race', lastSeq: 2 });

    // Deterministically: another transaction creates the partition and writes to it while a push
    // that wants to create it is under way (on PostgreSQL the push waits, notices and starts again).
    let pushed: Promise<unknown> | undefined;
    await server.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO partitions (key, scope, deployment_id, label, last_seq) VALUES ('deployment:d-held', 'deployment', 'd-held', 'held', 1)`,
      );
      await tx.query(
        `INSERT INTO docs (entity, row_id, partition, version, data) VALUES ('waves', 'w-held-0', 'deployment:d-held', 1, '{}')`,
      );
      await tx.query(`INSERT INTO change_log (partition, seq, entity, row_id) VALUES ('deployment:d-held', 1, 'waves', 'w-held-0')`);
      pushed = admin.push([op('waves', 'insert', sampleRow('waves', { id: 'w-held-1', deployment_id: 'd-held' }))]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expectAllApplied((await pushed) as OperationResult[]);
    expect((await admin.pullAll('deployment:d-held')).changes.map((c) => [c.seq, c.rowId])).toEqual([
      [1, 'w-held-0'],
      [2, 'w-held-1'],
    ]);
  });

  it('keeps the losing write of a shared column (site status) and says so', async () => {
    const [mine] = await alice.push([op('sites', 'update', { id: 's2', status: 'in_progress' }, { partition: 'site:s2', baseVersion: 1 })]);
    expect(mine).toEqual({ opId: expect.any(String), status: 'applied', version: 2 });
    const [theirs] = await rita.push([op('sites', 'update', { id: 's2', status: 'blocked' }, { partition: 'site:s2', baseVersion: 1 })]);
    expect(theirs).toMatchObject({
      status: 'applied',
      version: 3,
      overwrote: [{ column: 'status', replaced: 'in_progress', by: 'blocked' }],
    });
    const recorded = await server.db.query<{ column_name: string; replaced_value: unknown; new_value: unknown; replaced_version: number }>(
      `SELECT column_name, replaced_value, new_value, replaced_version FROM overwrites WHERE entity = 'sites' AND row_id = 's2'`,
    );
    expect(recorded).toEqual([{ column_name: 'status', replaced_value: 'in_progress', new_value: 'blocked', replaced_version: 2 }]);
    const site = (await alice.pullAll('site:s2')).changes.find((c) => c.entity === 'sites');
    expect(site).toMatchObject({ version: 3, data: { status: 'blocked' } });
    // A write from the latest version is no conflict.
    const [next] = await alice.push([op('sites', 'update', { id: 's2', status: 'deployed' }, { partition: 'site:s2', baseVersion: 3 })]);
    expect(next).toEqual({ opId: expect.any(String), status: 'applied', version: 4 });
  });

  it('never lets a cursor skip a change while several devices push to one partition at once', async () => {
    const writers: { device: Device; entity: 'check_runs' | 'issues' | 'inventory_items' }[] = [
      { device: alice, entity: 'check_runs' },
      { device: aliceTablet, entity: 'issues' },
      { device: rita, entity: 'inventory_items' },
      { device: admin, entity: 'check_runs' },
    ];
    const rounds = 6;
    const perBatch = 15;
    const seen = new Map<string, Change>();
    let cursor = 0;
    let pushing = true;
    const follower = (async () => {
      // A device pulling small pages the whole time, as a client syncing during the pushes would.
      while (pushing) {
        const page = await alice.pull('site:s1', cursor, 4);
        if (page.status !== 'ok') throw new Error(page.status);
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        apply(seen, page.changes);
        cursor = page.cursor;
        if (!page.more) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const pushes = writers.flatMap(({ device, entity }, w) =>
      Array.from({ length: rounds }, (_, round) =>
        device.push(
          Array.from({ length: perBatch }, (_, k) => {
            const id = `c-${w}-${round}-${k}`;
            return op(entity, 'insert', sampleRow(entity, { id, site_id: 's1' }));
          }),
        ),
      ),
    );
    const results = await Promise.all(pushes);
    pushing = false;
    await follower;
    for (const batch of results) expectAllApplied(batch);
    apply(seen, (await alice.pullAll('site:s1', 4, cursor)).changes);

    const fresh = await alice.pullAll('site:s1', 7);
    const ids = fresh.changes.map((c) => `${c.entity}/${c.rowId}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (let w = 0; w < writers.length; w++) {
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < perBatch; k++) expect(ids).toContain(`${writers[w]!.entity}/c-${w}-${round}-${k}`);
      }
    }
    const seqs = fresh.changes.map((c) => c.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    // The device that followed along has exactly what a fresh pull has.
    const freshMap = new Map<string, Change>();
    apply(freshMap, fresh.changes);
    expect(new Map([...seen].map(([k, c]) => [k, c.data as WireRow | null]))).toEqual(
      new Map([...freshMap].map(([k, c]) => [k, c.data as WireRow | null])),
    );
    const [info] = (await alice.partitions()).filter((p) => p.partition === 'site:s1');
    expect(fresh.cursor).toBe(info!.lastSeq);
  });

  it('answers reset_required to a cursor older than purged tombstones, and a snapshot still works', async () => {
    expectAllApplied(await rita.push([op('target_machines', 'insert', sampleRow('target_machines', { id: 'tm-gone', site_id: 's2' }))]));
    const { cursor: before } = await alice.pullAll('site:s2');
    expectAllApplied(await rita.push([op('target_machines', 'delete', { id: 'tm-gone' }, { partition: 'site:s2', baseVersion: 1 })]));
    const { changes: tail, cursor: latest } = await alice.pullAll('site:s2', undefined, before);
    expect(tail).toEqual([expect.objectContaining({ rowId: 'tm-gone', deleted: true, data: null })]);

    const purged = await purgeTombstones(server.db, { olderThanDays: 0 });
    expect(purged.purged).toBeGreaterThanOrEqual(1);
    expect(purged.partitions).toContainEqual({ partition: 'site:s2', retainedFrom: latest });

    expect(await alice.pull('site:s2', before)).toEqual({
      status: 'reset_required',
      partition: 'site:s2',
      retainedFrom: latest,
      lastSeq: latest,
    });
    // The later pages of a snapshot (begun at 0) continue below the retention mark.
    expect(await alice.pull('site:s2', before, undefined, true)).toMatchObject({ status: 'ok' });
    // A cursor at or past the purge point, and a snapshot from 0, are fine.
    expect(await alice.pull('site:s2', latest)).toMatchObject({ status: 'ok', changes: [] });
    const snapshotPull = await alice.pullAll('site:s2');
    expect(snapshotPull.changes.some((c) => c.rowId === 'tm-gone')).toBe(false);
    expect(snapshotPull.changes.some((c) => c.entity === 'sites' && c.rowId === 's2')).toBe(true);
    expect((await alice.partitions()).find((p) => p.partition === 'site:s2')).toMatchObject({ retainedFrom: latest });
    // A cursor the server never issued (its database was restored from an older backup) needs a snapshot too.
    expect(await alice.pull('site:s2', latest + 1000)).toEqual({
      status: 'reset_required',
      partition: 'site:s2',
      retainedFrom: latest,
      lastSeq: latest,
    });
    // An insert after the purge brings the row back under a new sequence.
    const [back] = await rita.push([op('target_machines', 'insert', sampleRow('target_machines', { id: 'tm-gone', site_id: 's2' }))]);
    expect(back).toMatchObject({ status: 'applied', version: 1 });
  });
});
