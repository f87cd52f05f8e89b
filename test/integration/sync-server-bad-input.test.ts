// Bad input to the sync endpoints: malformed JSON, oversized bodies, unknown entities, rows failing
// the registry's column types, row id and partition mismatches, missing attachments, rewritten
// append-only rows. Each gets a clear error and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_MAX_BYTES, SYNC_PROTOCOL_VERSION } from '../../shared/sync/wire';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import {
  expectAllApplied,
  op,
  PASSWORD,
  planOperations,
  sampleRow,
  SCHEMA_VERSION,
  signIn,
  tableCounts,
  type Device,
} from './sync-server-fixture';

async function dataCounts(server: TestServer): Promise<Record<string, number>> {
  const { applied_ops: _recorded, ...rest } = await tableCounts(server);
  return rest;
}

describe.each(SERVER_BACKENDS)('sync bad input (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', role: 'release_manager', password: PASSWORD });
    rita = await signIn(server, 'rita');
    expectAllApplied(
      await rita.push(
        planOperations('d1', [
          { id: 's1', technicians: [] },
          { id: 's2', technicians: [] },
        ]),
      ),
    );
  }, 120_000);
  afterAll(async () => server?.stop());

  it('answers malformed, oversized and off-protocol requests with an error body and writes nothing', async () => {
    const before = await tableCounts(server);
    expect(await rita.request('POST', '/v1/sync/push', '{"operations": [')).toMatchObject({
      status: 400,
      body: { error: { code: 'malformed_json' } },
    });
    const huge = 'x'.repeat(PUSH_MAX_BYTES + 300 * 1024);
    const oversized = await rita.request('POST', '/v1/sync/push', {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      operations: [op('issues', 'insert', sampleRow('issues', { id: 'big', site_id: 's1', description: huge }))],
    });
    expect(oversized.status).toBe(413);
    expect(oversized.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });

    const wellFormed = op('issues', 'insert', sampleRow('issues', { id: 'ok', site_id: 's1' }));
    const schemaFailures = [
      { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, operations: [] },
      { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, operations: Array(501).fill(wellFormed) },
      { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, operations: [{ ...wellFormed, opId: 'not-a-uuid' }] },
      {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        operations: [{ ...wellFormed, data: { id: 'ok', flag: true } }],
      },
      { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, operations: [{ ...wellFormed, kind: 'upsert' }] },
      { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, operations: [wellFormed], extra: 1 },
      [wellFormed],
    ];
    for (const body of schemaFailures) {
      const answer = await rita.request('POST', '/v1/sync/push', body);
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'validation', issues: expect.any(Array) } } });
    }
    expect((await rita.request('POST', '/v1/sync/pull', { partition: 'site:s1', after: -1 })).status).toBe(400);
    expect((await rita.request('POST', '/v1/sync/pull', { partition: "site:'; drop table docs;--", after: 0 })).status).toBe(400);
    expect((await rita.request('POST', '/v1/sync/pull', { partition: 'site:s1', after: 0, limit: 1_000_000 })).status).toBe(400);
    // Without a token, or with a forged one.
    expect(
      (
        await rita.request(
          'POST',
          '/v1/sync/push',
          { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, operations: [wellFormed] },
          { authorization: 'Bearer forged' },
        )
      ).status,
    ).toBe(401);
    expect(await tableCounts(server)).toEqual(before);
  });

  it('rejects operations that break the registry, one by one, and applies the rest of the batch', async () => {
    const before = await dataCounts(server);
    const results = await rita.push([
      op('gadgets', 'insert', { id: 'g1' }, { partition: 'site:s1', rowId: 'g1' }),
      op('issues', 'insert', sampleRow('issues', { id: 'i1', site_id: 's1', number: 'one' })),
      op('issues', 'insert', sampleRow('issues', { id: 'i2', site_id: 's1', number: 1.5 })),
      op('issues', 'insert', sampleRow('issues', { id: 'i3', site_id: 's1', title: 42 })),
      op('issues', 'insert', sampleRow('issues', { id: 'i4', site_id: 's1', title: null })),
      op('issues', 'insert', { ...sampleRow('issues', { id: 'i5', site_id: 's1' }), colour: 'red' }),
      op('issues', 'insert', { id: 'i6', site_id: 's1', title: 'only a title' }),
      op('issues', 'update', { id: 's1-inv' }, { partition: 'site:s1' }),
      op('issues', 'insert', sampleRow('issues', { id: 'i7', site_id: 's1' }), { rowId: 'i8' }),
      op('issues', 'insert', sampleRow('issues', { id: 'i9', site_id: 's1' }), { partition: 'site:s2' }),
      op('inventory_items', 'update', { id: 's1-inv', site_id: 's2' }, { partition: 'site:s2', baseVersion: 1 }),
      op('issues', 'update', { id: 'never-pushed', status: 'closed' }, { partition: 'site:s1' }),
      op('issues', 'insert', sampleRow('issues', { id: 'i10', site_id: 'unknown-site' })),
      op('issue_events', 'insert', sampleRow('issue_events', { id: 'orphan', issue_id: 'no-such-issue' }), { partition: 'site:s1' }),
      op('issue_attachments', 'insert', { event_id: 'e', issue_id: 'x', sha256: 'a'.repeat(64) }, { partition: 'site:s1' }),
      op('issues', 'insert', sampleRow('issues', { id: 'i11', site_id: 's1', description: 'é'.repeat(530 * 1024) })),
      op('sign_off_sheets', 'insert', sampleRow('sign_off_sheets', { id: 'sheet-x', site_id: 's1', deployment_id: 'd9' })),
      op('sites', 'update', { id: 's1', deployment_id: 'd9' }, { partition: 'site:s1', baseVersion: 1 }),
      op('check_runs', 'insert', sampleRow('check_runs', { id: 'run-ok', site_id: 's1' })),
    ]);
    const codes = results.map((r) => (r.status === 'rejected' ? r.code : r.status));
    expect(codes).toEqual([
      'unknown_entity',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'partition_mismatch',
      'partition_mismatch',
      'not_found',
      'unknown_partition',
      'unknown_parent',
      'unknown_parent',
      'invalid',
      'invalid',
      'invalid',
      'applied',
    ]);
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : ''));
    expect(reasons[1]).toMatch(/number must be a whole number/);
    expect(reasons[4]).toMatch(/title may not be empty/);
    expect(reasons[5]).toMatch(/no column colour/);
    expect(reasons[6]).toMatch(/missing .*description/);
    expect(reasons[9]).toMatch(/belongs to site:s1, not site:s2/);
    expect(reasons[15]).toMatch(/longer than/);
    expect(reasons[16]).toMatch(/deployment_id must be d1/);
    expect(reasons[17]).toMatch(/deployment_id must be d1/);
    const after = await dataCounts(server);
    expect(after.docs).toBe(before.docs! + 1);
    expect(after.change_log).toBe(before.change_log! + 1);
  });

  it('needs attachments on the server before rows that name them', async () => {
    expectAllApplied(await rita.push([op('issues', 'insert', sampleRow('issues', { id: 'with-photo', site_id: 's1' }))]));
    const missing = 'b'.repeat(64);
    const before = await dataCounts(server);
    const [refused] = await rita.push([
      op('issue_attachments', 'insert', { event_id: 'e', issue_id: 'with-photo', sha256: missing }, { partition: 'site:s1' }),
    ]);
    expect(refused).toMatchObject({ status: 'rejected', code: 'blob_missing', reason: expect.stringContaining(missing) });
    expect(await dataCounts(server)).toEqual(before);
    const sha = await rita.putBlob(Buffer.from('photo bytes'));
    expectAllApplied(
      await rita.push([
        op('issue_attachments', 'insert', { event_id: 'e', issue_id: 'with-photo', sha256: sha }, { partition: 'site:s1' }),
      ]),
    );
    expect(await server.db.query('SELECT sha256, partition FROM blob_refs WHERE sha256 = $1', [sha])).toEqual([
      { sha256: sha, partition: 'site:s1' },
    ]);
  });

  it('never rewrites append-only rows', async () => {
    const run = sampleRow('check_runs', { id: 'run-append', site_id: 's1', outcome: 'completed' });
    const [first] = await rita.push([op('check_runs', 'insert', run)]);
    expect(first).toMatchObject({ status: 'applied', version: 1 });
    const before = await dataCounts(server);
    const results = await rita.push([
      op('check_runs', 'insert', run),
      op('check_runs', 'insert', { ...run, outcome: 'error' }),
      op('check_runs', 'update', { id: 'run-append', outcome: 'error' }, { partition: 'site:s1', baseVersion: 1 }),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.code : `${r.status} ${r.status === 'applied' ? r.version : ''}`))).toEqual([
      'applied 1',
      'append_only',
      'append_only',
    ]);
    expect(await dataCounts(server)).toEqual(before);
  });
});
