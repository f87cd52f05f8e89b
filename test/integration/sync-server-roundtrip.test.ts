// Every synced entity makes the trip: a release manager publishes a plan, a technician pushes field
// work at their site, both pull and see the same rows. On PGlite and on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_ENTITIES } from '../../shared/sync/entity-registry';
import type { Change, WireRow } from '../../shared/sync/wire';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { expectAllApplied, op, otherRows, PASSWORD, planOperations, sampleRow, signIn, type Device } from './sync-server-fixture';

function view(changes: Change[]): Map<string, WireRow | null> {
  const rows = new Map<string, WireRow | null>();
  for (const change of changes) rows.set(`${change.entity}/${change.rowId}`, change.data);
  return rows;
}

async function pullEverything(device: Device): Promise<Map<string, WireRow | null>> {
  const all: Change[] = [];
  for (const partition of await device.partitions()) all.push(...(await device.pullAll(partition.partition, 3)).changes);
  return view(all);
}

describe.each(SERVER_BACKENDS)('sync round trip (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;
  let alice: Device;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
    await server.createUser({ username: 'alice', displayName: 'Alice Tech', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'bob', role: 'technician', password: PASSWORD });
    rita = await signIn(server, 'rita');
    alice = await signIn(server, 'alice');
  }, 120_000);
  afterAll(async () => server?.stop());

  it('carries every entity of the registry down and up', async () => {
    // The plan: a technician is a user id, or a name only that is exactly a username.
    expectAllApplied(
      await rita.push(
        planOperations('d1', [
          { id: 's1', technicians: [{ id: alice.userId, name: 'Alice Tech' }] },
          { id: 's2', technicians: ['bob'] },
        ]),
      ),
    );

    const mine = await alice.partitions();
    expect(mine.map((p) => p.partition)).toEqual(['deployment:d1', 'site:s1']);
    expect(mine.find((p) => p.partition === 'site:s1')!.label).toBe('S1 — Site s1');
    expect(mine.find((p) => p.partition === 'deployment:d1')!.label).toBe('Rollout d1');

    const photo = await alice.putBlob(Buffer.from('a photo of rack 4'));
    const signature = await alice.putBlob(Buffer.from('signature strokes'));
    const pdf = await alice.putBlob(Buffer.from('%PDF-1.7 sheet'), 'application/pdf');
    const at = '2026-11-24T09:00:00Z';
    const field = [
      op('sites', 'update', { id: 's1', status: 'in_progress', updated_at: at, updated_by: 'Alice Tech' }, { baseVersion: 1 }),
      op(
        'inventory_items',
        'update',
        { id: 's1-inv', found_serial: 'SN-1', found_serial_key: 'sn1', state: 'received', updated_at: at },
        { baseVersion: 1, partition: 'site:s1' },
      ),
      op('inventory_items', 'insert', sampleRow('inventory_items', { id: 's1-surplus', site_id: 's1', is_surplus: 1, state: 'received' })),
      op('inventory_item_photos', 'insert', sampleRow('inventory_item_photos', { id: 'ph-1', item_id: 's1-surplus', sha256: photo }), {
        partition: 'site:s1',
      }),
      op(
        'checklist_items',
        'update',
        { id: 's1-chk', state: 'done', state_by: 'Alice Tech', state_at: at },
        { baseVersion: 1, partition: 'site:s1' },
      ),
      op('checklist_phases', 'insert', { site_id: 's1', phase: 'during', completed_at: at, completed_by: 'Alice Tech' }),
      op('check_runs', 'insert', sampleRow('check_runs', { id: 'run-1', site_id: 's1', results: '[]', pass_count: 3 })),
      op('checklist_item_evidence', 'insert', sampleRow('checklist_item_evidence', { id: 'ev-1', item_id: 's1-chk', ref_id: 'run-1' }), {
        partition: 'site:s1',
      }),
      op('issues', 'insert', sampleRow('issues', { id: 'iss-1', site_id: 's1', status: 'open', number: 1 })),
      op('issue_events', 'insert', sampleRow('issue_events', { id: 'evt-1', issue_id: 'iss-1', seq: 1 }), { partition: 'site:s1' }),
      op('issue_links', 'insert', { issue_id: 'iss-1', kind: 'inventory_item', target_id: 's1-inv' }, { partition: 'site:s1' }),
      op('issue_attachments', 'insert', { event_id: 'evt-1', issue_id: 'iss-1', sha256: photo }, { partition: 'site:s1' }),
      op('site_rollbacks', 'insert', sampleRow('site_rollbacks', { id: 'rb-1', site_id: 's1', issue_ids: '["iss-1"]' })),
      op(
        'sign_off_sheets',
        'insert',
        sampleRow('sign_off_sheets', {
          id: 'sheet-1',
          deployment_id: 'd1',
          site_id: 's1',
          signature_image_sha256: signature,
          pdf_sha256: pdf,
        }),
      ),
      op('sign_off_pdfs', 'insert', { sheet_id: 'sheet-1', sha256: pdf, created_at: at }, { partition: 'site:s1' }),
    ];
    field.push(...otherRows('up', 'site', 's1', field));
    // Children of rows above (the training session comes from otherRows); a photo as checklist evidence names its blob.
    const session = 's1-training_sessions-id';
    field.push(
      op(
        'training_attendees',
        'insert',
        sampleRow('training_attendees', { id: 'att-1', session_id: session, attendance: 'signed', signature_sha256: signature }),
        { partition: 'site:s1' },
      ),
      op('training_materials', 'insert', sampleRow('training_materials', { session_id: session, sha256: pdf }), { partition: 'site:s1' }),
      op(
        'checklist_item_evidence',
        'insert',
        sampleRow('checklist_item_evidence', { id: 'ev-photo', item_id: 's1-chk', kind: 'photo', ref_id: photo }),
        { partition: 'site:s1' },
      ),
    );
    const results = await alice.push(field);
    expectAllApplied(results);
    expect(results[0]).toMatchObject({ status: 'applied', version: 2 });

    const ritaView = await pullEverything(rita);
    const aliceView = await pullEverything(alice);
    const entitiesSeen = new Set([...ritaView.keys()].map((key) => key.split('/')[0]));
    expect([...entitiesSeen].sort()).toEqual(SYNC_ENTITIES.map((e) => e.name).sort());

    // The technician sees the plan and her site, not Bob's.
    expect([...aliceView.keys()].some((key) => key.includes('s2'))).toBe(false);
    expect(ritaView.get('sites/s2')).toMatchObject({ id: 's2' });
    for (const [key, row] of aliceView) expect(ritaView.get(key)).toEqual(row);
    expect(aliceView.get('sites/s1')).toMatchObject({ status: 'in_progress', name: 'Site s1', updated_by: 'Alice Tech' });
    expect(aliceView.get('inventory_items/s1-inv')).toMatchObject({
      found_serial: 'SN-1',
      state: 'received',
      manufacturer: 'manufacturer value',
    });
    expect(aliceView.get('checklist_phases/["s1","during"]')).toEqual({
      site_id: 's1',
      phase: 'during',
      completed_at: at,
      completed_by: 'Alice Tech',
    });
    expect(aliceView.get('issue_attachments/["evt-1","' + photo + '"]')).toEqual({ event_id: 'evt-1', issue_id: 'iss-1', sha256: photo });
    expect(aliceView.get('checklist_template_items/d1-tpl-1')).toMatchObject({ template_id: 'd1-tpl' });

    // Attachments are readable by whoever may read the partition that references them.
    const download = await rita.request('GET', `/v1/blobs/${photo}`);
    expect(download.status).toBe(200);
    expect(download.body).toBe('a photo of rack 4');

    // A photo link names a blob that must be on the server first; a check-run link names a run, not a blob (ev-1 above).
    const [unuploaded] = await alice.push([
      op(
        'checklist_item_evidence',
        'insert',
        sampleRow('checklist_item_evidence', { id: 'ev-nophoto', item_id: 's1-chk', kind: 'photo', ref_id: 'f'.repeat(64) }),
        { partition: 'site:s1' },
      ),
    ]);
    expect(unuploaded).toMatchObject({ status: 'rejected', code: 'blob_missing' });

    // Deleting makes a tombstone that reaches both.
    expectAllApplied(await rita.push([op('target_machines', 'delete', { id: 's1-tm' }, { partition: 'site:s1', baseVersion: 1 })]));
    const after = (await alice.pullAll('site:s1')).changes.find((change) => change.rowId === 's1-tm');
    expect(after).toMatchObject({ deleted: true, data: null, version: 2 });
  });
});
