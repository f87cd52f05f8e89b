// Authorization of every read and every pushed operation: technicians only at their sites and only
// field work, release managers only their deployments; a refused operation writes nothing but its
// refusal (so a replay gets the same answer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_ENTITIES } from '../../shared/sync/entity-registry';
import type { Operation } from '../../shared/sync/wire';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import {
  expectAllApplied,
  op,
  otherRows,
  PASSWORD,
  planOperations,
  sampleRow,
  signIn,
  tableCounts,
  type Device,
} from './sync-server-fixture';

/** Everything but applied_ops, where refusals are recorded. */
async function dataCounts(server: TestServer): Promise<Record<string, number>> {
  const { applied_ops: _recorded, ...rest } = await tableCounts(server);
  return rest;
}

/** One field-work operation of each `up`/`both` entity at `site` (parents named by `parents`). */
function fieldWorkAt(
  site: string,
  parents: { issue: string; item: string; sheet: string; session: string; sha: string; photoItem: string },
): Operation[] {
  const partition = `site:${site}`;
  const ops: Record<string, Operation> = {
    sites: op('sites', 'update', { id: site, status: 'in_progress' }, { partition, baseVersion: 1 }),
    inventory_items: op('inventory_items', 'update', { id: `${site}-inv`, state: 'received' }, { partition, baseVersion: 1 }),
    inventory_item_photos: op(
      'inventory_item_photos',
      'insert',
      sampleRow('inventory_item_photos', { id: `x-photo-${site}`, item_id: parents.photoItem, sha256: parents.sha }),
      { partition },
    ),
    checklist_items: op('checklist_items', 'update', { id: parents.item, state: 'done' }, { partition, baseVersion: 1 }),
    checklist_phases: op('checklist_phases', 'insert', { site_id: site, phase: 'during', completed_at: 'now', completed_by: 'x' }),
    check_runs: op('check_runs', 'insert', sampleRow('check_runs', { id: `x-run-${site}`, site_id: site })),
    checklist_item_evidence: op(
      'checklist_item_evidence',
      'insert',
      sampleRow('checklist_item_evidence', { id: `x-ev-${site}`, item_id: parents.item }),
      { partition },
    ),
    issues: op('issues', 'update', { id: parents.issue, status: 'closed' }, { partition, baseVersion: 1 }),
    issue_events: op('issue_events', 'insert', sampleRow('issue_events', { id: `x-evt-${site}`, issue_id: parents.issue }), { partition }),
    issue_links: op('issue_links', 'insert', { issue_id: parents.issue, kind: 'inventory_item', target_id: 'y' }, { partition }),
    issue_attachments: op('issue_attachments', 'insert', { event_id: 'e', issue_id: parents.issue, sha256: parents.sha }, { partition }),
    site_rollbacks: op('site_rollbacks', 'insert', sampleRow('site_rollbacks', { id: `x-rb-${site}`, site_id: site })),
    sign_off_sheets: op(
      'sign_off_sheets',
      'insert',
      sampleRow('sign_off_sheets', { id: `x-sheet-${site}`, deployment_id: 'd1', site_id: site, signature_image_sha256: parents.sha }),
    ),
    sign_off_pdfs: op('sign_off_pdfs', 'insert', { sheet_id: parents.sheet, sha256: parents.sha, created_at: 'now' }, { partition }),
    training_attendees: op(
      'training_attendees',
      'insert',
      sampleRow('training_attendees', { id: `x-att-${site}`, session_id: parents.session, attendance: 'absent' }),
      { partition },
    ),
    training_materials: op(
      'training_materials',
      'insert',
      sampleRow('training_materials', { session_id: parents.session, sha256: parents.sha }),
      { partition },
    ),
  };
  const all = [...Object.values(ops), ...otherRows('up', 'site', site, Object.values(ops))];
  const writable = SYNC_ENTITIES.filter((e) => e.direction !== 'down').map((e) => e.name);
  expect([...new Set(all.map((o) => o.entity))].sort()).toEqual([...writable].sort());
  return all;
}

describe.each(SERVER_BACKENDS)('sync authorization (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;
  let ralph: Device;
  let alice: Device;
  let bob: Device;
  let admin: Device;
  let bobsPhoto: string;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', role: 'release_manager', password: PASSWORD });
    await server.createUser({ username: 'ralph', role: 'release_manager', password: PASSWORD });
    await server.createUser({ username: 'alice', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'bob', displayName: 'Bob Builder', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'root', role: 'administrator', password: PASSWORD });
    rita = await signIn(server, 'rita');
    ralph = await signIn(server, 'ralph');
    alice = await signIn(server, 'alice');
    bob = await signIn(server, 'bob');
    admin = await signIn(server, 'root');
    expectAllApplied(
      await rita.push(
        planOperations('d1', [
          { id: 's1', technicians: ['alice'] },
          { id: 's2', technicians: [{ id: bob.userId, name: 'Bob Builder' }] },
        ]),
      ),
    );
    expectAllApplied(await ralph.push(planOperations('d2', [{ id: 's3', technicians: [] }])));
    bobsPhoto = await bob.putBlob(Buffer.from("bob's photo"));
    expectAllApplied(
      await bob.push([
        op('issues', 'insert', sampleRow('issues', { id: 'iss-b', site_id: 's2' })),
        op('issue_attachments', 'insert', { event_id: 'e0', issue_id: 'iss-b', sha256: bobsPhoto }, { partition: 'site:s2' }),
        op(
          'sign_off_sheets',
          'insert',
          sampleRow('sign_off_sheets', { id: 'sheet-b', deployment_id: 'd1', site_id: 's2', signature_image_sha256: bobsPhoto }),
        ),
        op('training_sessions', 'insert', sampleRow('training_sessions', { id: 'tr-b', site_id: 's2' })),
      ]),
    );
  }, 120_000);
  afterAll(async () => server?.stop());

  it('lets each role read only its partitions', async () => {
    expect((await alice.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'site:s1']);
    expect((await bob.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'site:s2']);
    expect((await ralph.partitions()).map((p) => p.partition)).toEqual(['deployment:d2', 'site:s3']);
    expect((await rita.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'site:s1', 'site:s2']);
    expect((await admin.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'deployment:d2', 'site:s1', 'site:s2', 'site:s3']);

    for (const [device, partition] of [
      [alice, 'site:s2'],
      [alice, 'deployment:d2'],
      [alice, 'site:s3'],
      [ralph, 'site:s1'],
      [ralph, 'deployment:d1'],
      [rita, 'site:s3'],
    ] as const) {
      const answer = await device.request('POST', '/v1/sync/pull', { partition, after: 0 });
      expect(answer, `${partition}`).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
    expect((await admin.request('POST', '/v1/sync/pull', { partition: 'site:nowhere', after: 0 })).status).toBe(404);
    expect((await admin.pullAll('site:s3')).changes.length).toBeGreaterThan(0);

    // Bob's attachment: not for Alice or Ralph; for Rita (his release manager) and the administrator.
    expect((await alice.request('GET', `/v1/blobs/${bobsPhoto}`)).status).toBe(404);
    expect((await ralph.request('GET', `/v1/blobs/${bobsPhoto}`)).status).toBe(404);
    expect((await rita.request('GET', `/v1/blobs/${bobsPhoto}`)).status).toBe(200);
    expect((await admin.request('GET', `/v1/blobs/${bobsPhoto}`)).status).toBe(200);
  });

  it('follows the site rows: reassigning a site moves read access with it', async () => {
    expectAllApplied(
      await rita.push([
        op(
          'sites',
          'insert',
          sampleRow('sites', { id: 's4', deployment_id: 'd1', technicians: JSON.stringify([{ id: bob.userId, name: 'Bob Builder' }]) }),
        ),
      ]),
    );
    expect((await bob.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'site:s2', 'site:s4']);
    expectAllApplied(
      await rita.push([op('sites', 'update', { id: 's4', technicians: '["alice"]' }, { partition: 'site:s4', baseVersion: 1 })]),
    );
    expect((await bob.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'site:s2']);
    expect((await alice.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'site:s1', 'site:s4']);
    expectAllApplied(await rita.push([op('sites', 'delete', { id: 's4' }, { partition: 'site:s4', baseVersion: 2 })]));
    expect((await alice.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'site:s1']);
    expect((await rita.pullAll('site:s4')).changes).toEqual([expect.objectContaining({ entity: 'sites', deleted: true })]);
  });

  it("refuses a technician's field work at another technician's site, for every entity, writing nothing", async () => {
    const before = await dataCounts(server);
    const ops = fieldWorkAt('s2', {
      issue: 'iss-b',
      item: 's2-chk',
      sheet: 'sheet-b',
      session: 'tr-b',
      sha: bobsPhoto,
      photoItem: 's2-inv',
    });
    const results = await alice.push(ops);
    for (const [index, result] of results.entries()) {
      expect(result, ops[index]!.entity).toMatchObject({
        status: 'rejected',
        code: 'forbidden',
        reason: expect.stringMatching(/not assigned to site s2/),
      });
    }
    expect(await dataCounts(server)).toEqual(before);
    // The same field work at her own site is hers to do (parents of her own).
    const photo = await alice.putBlob(Buffer.from("alice's photo"));
    expectAllApplied(
      await alice.push([
        op('issues', 'insert', sampleRow('issues', { id: 'iss-a', site_id: 's1' })),
        op(
          'sign_off_sheets',
          'insert',
          sampleRow('sign_off_sheets', { id: 'sheet-a', deployment_id: 'd1', site_id: 's1', signature_image_sha256: photo }),
        ),
        op('training_sessions', 'insert', sampleRow('training_sessions', { id: 'tr-a', site_id: 's1' })),
        // Photos are of surplus items (the parent rule in shared/sync/row-rules.ts).
        op('inventory_items', 'insert', sampleRow('inventory_items', { id: 's1-found', site_id: 's1', is_surplus: 1, state: 'received' })),
      ]),
    );
    expectAllApplied(
      await alice.push(
        fieldWorkAt('s1', { issue: 'iss-a', item: 's1-chk', sheet: 'sheet-a', session: 'tr-a', sha: photo, photoItem: 's1-found' }),
      ),
    );
  });

  it('refuses plan edits by technicians, naming why', async () => {
    const before = await dataCounts(server);
    const refused = await alice.push([
      op('target_machines', 'insert', sampleRow('target_machines', { id: 'tm-new', site_id: 's1' })),
      op('deployments', 'update', { id: 'd1', name: 'renamed' }, { partition: 'deployment:d1', baseVersion: 1 }),
      op('waves', 'insert', sampleRow('waves', { id: 'w-new', deployment_id: 'd1' })),
      op('checklist_items', 'update', { id: 's1-chk', title: 'easier step', state: 'done' }, { partition: 'site:s1', baseVersion: 2 }),
      op('sites', 'update', { id: 's1', technicians: '["alice","mallory"]' }, { partition: 'site:s1', baseVersion: 2 }),
      op('sites', 'insert', sampleRow('sites', { id: 's9', deployment_id: 'd1', technicians: '["alice"]' })),
      op('inventory_items', 'delete', { id: 's1-inv' }, { partition: 'site:s1', baseVersion: 2 }),
      op('sign_off_sheets', 'insert', sampleRow('sign_off_sheets', { id: 'milestone', deployment_id: 'd1', site_id: null })),
    ]);
    expect(refused.map((r) => r.status === 'rejected' && r.code)).toEqual(Array(8).fill('forbidden'));
    expect(refused[0]).toMatchObject({
      reason: expect.stringMatching(/Only a release manager or an administrator write .* rows \(the plan\)/),
    });
    expect(refused[3]).toMatchObject({ reason: expect.stringMatching(/may not change title of checklist_items/) });
    expect(refused[4]).toMatchObject({ reason: expect.stringMatching(/technicians/) });
    expect(await dataCounts(server)).toEqual(before);
  });

  it('keeps release managers to their own deployments', async () => {
    const before = await dataCounts(server);
    const refused = await ralph.push([
      op('sites', 'update', { id: 's1', status: 'blocked' }, { partition: 'site:s1', baseVersion: 2 }),
      op('waves', 'insert', sampleRow('waves', { id: 'w-ralph', deployment_id: 'd1' })),
      op('deployments', 'insert', sampleRow('deployments', { id: 'd1', name: 'mine now' })),
      op('sites', 'insert', sampleRow('sites', { id: 's-ralph', deployment_id: 'd1', technicians: '[]' })),
      op('issues', 'insert', sampleRow('issues', { id: 'iss-ralph', site_id: 's2' })),
    ]);
    expect(refused.map((r) => r.status === 'rejected' && r.code)).toEqual(Array(5).fill('forbidden'));
    expect(refused[0]).toMatchObject({ reason: 'You do not manage deployment d1' });
    expect(await dataCounts(server)).toEqual(before);
    // Rita manages d1: plan and field work there are hers to write.
    expectAllApplied(
      await rita.push([
        op('waves', 'insert', sampleRow('waves', { id: 'w-rita', deployment_id: 'd1' })),
        op('issues', 'insert', sampleRow('issues', { id: 'iss-rita', site_id: 's2' })),
      ]),
    );
  });
});
