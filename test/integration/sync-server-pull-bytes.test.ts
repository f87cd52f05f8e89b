// A pull page is bounded in bytes, not only in rows: large rows (already in the database, written
// here with SQL) come over several pages, each at most the byte budget plus one row, all of them
// exactly once and in order. Both backends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChangesJson, PULL_PAGE_MAX_BYTES } from '../../server/sync/pull-engine';
import { PULL_MAX_LIMIT } from '../../shared/sync/wire';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { expectAllApplied, PASSWORD, planOperations, signIn, type Device } from './sync-server-fixture';

const ROW_BYTES = 900 * 1024;
const LARGE_ROWS = 12;

describe.each(SERVER_BACKENDS)('pull pages bounded in bytes (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;
  let before: number;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', role: 'release_manager', password: PASSWORD });
    rita = await signIn(server, 'rita');
    expectAllApplied(await rita.push(planOperations('d1', [])));
    before = (await rita.pullAll('deployment:d1')).changes.length;
    // Large rows after the plan: components whose description is ~900 KB each.
    await server.db.transaction(async (tx) => {
      const [partition] = await tx.query<{ last_seq: string | number }>(
        "SELECT last_seq FROM partitions WHERE key = 'deployment:d1' FOR UPDATE",
      );
      let seq = Number(partition!.last_seq);
      for (let i = 0; i < LARGE_ROWS; i++) {
        seq += 1;
        const id = `big-${String(i).padStart(2, '0')}`;
        const data = { id, deployment_id: 'd1', name: id, description: String.fromCharCode(97 + i).repeat(ROW_BYTES) };
        await tx.query(
          "INSERT INTO docs (entity, row_id, partition, version, deleted, data) VALUES ('components', $1, 'deployment:d1', 1, false, $2::jsonb)",
          [id, JSON.stringify(data)],
        );
        await tx.query("INSERT INTO change_log (partition, seq, entity, row_id) VALUES ('deployment:d1', $1, 'components', $2)", [seq, id]);
      }
      await tx.query("UPDATE partitions SET last_seq = $1 WHERE key = 'deployment:d1'", [seq]);
    });
  }, 120_000);
  afterAll(async () => server?.stop());

  it('splits large rows over pages of at most the byte budget plus one row, every change once and in order', async () => {
    const pages: { bytes: number; rows: number }[] = [];
    const seen: string[] = [];
    let cursor = 0;
    for (let more = true; more;) {
      const answer = await rita.request('POST', '/v1/sync/pull', { partition: 'deployment:d1', after: cursor, limit: PULL_MAX_LIMIT });
      expect(answer.status).toBe(200);
      const page = answer.body as { status: 'ok'; changes: { seq: number; rowId: string }[]; cursor: number; more: boolean };
      pages.push({ bytes: Buffer.byteLength(JSON.stringify(page)), rows: page.changes.length });
      for (const change of page.changes) expect(change.seq).toBeGreaterThan(cursor);
      seen.push(...page.changes.map((c) => c.rowId));
      cursor = page.cursor;
      more = page.more;
    }
    expect(seen.length).toBe(before + LARGE_ROWS);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(-LARGE_ROWS)).toEqual(Array.from({ length: LARGE_ROWS }, (_, i) => `big-${String(i).padStart(2, '0')}`));
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil((LARGE_ROWS * ROW_BYTES) / (PULL_PAGE_MAX_BYTES + ROW_BYTES)));
    for (const page of pages) expect(page.bytes).toBeLessThanOrEqual(PULL_PAGE_MAX_BYTES + ROW_BYTES + 64 * 1024);
  });

  it('always sends at least one row, even one larger than the budget', async () => {
    const first = JSON.parse((await pullChangesJson(server.db, { partition: 'deployment:d1', after: 0, limit: 100, maxBytes: 1 }))!) as {
      changes: unknown[];
      more: boolean;
    };
    expect(first.changes).toHaveLength(1);
    expect(first.more).toBe(true);
    const all = JSON.parse(
      (await pullChangesJson(server.db, { partition: 'deployment:d1', after: 0, limit: 100, maxBytes: 10 * ROW_BYTES * LARGE_ROWS }))!,
    ) as { changes: unknown[]; more: boolean };
    expect(all.changes).toHaveLength(before + LARGE_ROWS);
    expect(all.more).toBe(false);
  });
});
