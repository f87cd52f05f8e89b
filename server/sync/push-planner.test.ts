import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Operation, WireRow } from '../../shared/sync/wire';
import type { Principal } from '../http/principal';
import type { AccessContext } from './access-rules';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { planPush, type PlanInput } from './push-planner';
import { docKey, type StoredDoc, type StoredPartition } from './push-state';

// The in-memory part of a push: no database, just the decisions.

const DEVICE = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

function principal(role: Principal['role']): Principal {
  return { userId: 'u', username: 'tom', displayName: 'Tom', role, deviceId: DEVICE, deviceName: 'laptop' };
}

function operation(entity: string, kind: Operation['kind'], data: WireRow, partition: string, baseVersion = 0): Operation {
  return {
    opId: uuidv7(),
    entity,
    rowId: String(data.id),
    kind,
    partition,
    baseVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    data,
    createdAt: 'now',
  };
}

const site = (id: string): StoredPartition => ({ key: `site:${id}`, scope: 'site', deploymentId: 'd1', siteId: id, label: '' });

function input(ops: Operation[], access: Partial<AccessContext> & { principal: Principal }, docs: StoredDoc[] = []): PlanInput {
  return {
    ops,
    deviceId: DEVICE,
    access: { managed: new Set(['d1']), sites: new Map([['s1', 'd1']]), ...access },
    docs: new Map(docs.map((d) => [docKey(d.entity, d.rowId), d])),
    partitions: new Map([
      ['site:s1', site('s1')],
      ['deployment:d1', { key: 'deployment:d1', scope: 'deployment', deploymentId: 'd1', siteId: null, label: '' }],
    ]),
    recorded: new Map(),
    completeBlobs: new Set(),
    numbering: new Map(),
  };
}

const ISSUE: WireRow = {
  id: 'i1',
  site_id: 's1',
  number: 1,
  title: 't',
  description: '',
  severity: 'low',
  category: 'hardware',
  status: 'open',
  blocks_sign_off: 0,
  assignee: null,
  escalation_level: 0,
  created_at: 'now',
  created_by: 'Tom',
  updated_at: 'now',
  updated_by: 'Tom',
};

describe('planPush', () => {
  it('lets later operations of a batch see earlier ones: insert, update, delete of one row', () => {
    const ops = [
      operation('issues', 'insert', ISSUE, 'site:s1'),
      operation('issues', 'update', { id: 'i1', status: 'closed' }, 'site:s1'),
      operation('issues', 'delete', { id: 'i1' }, 'site:s1'),
    ];
    const plan = planPush(input(ops, { principal: principal('technician') }));
    expect(plan.results.map((r) => (r.status === 'applied' ? r.version : r.status))).toEqual([1, 2, 3]);
    // One final state and one change-log entry for the row.
    expect([...plan.changed.values()]).toEqual([expect.objectContaining({ rowId: 'i1', version: 3, deleted: true, data: null })]);
    expect(plan.opRecords).toHaveLength(3);
  });

  it('answers an operation id repeated within a batch as a duplicate', () => {
    const insert = operation('issues', 'insert', ISSUE, 'site:s1');
    const plan = planPush(input([insert, insert], { principal: principal('technician') }));
    expect(plan.results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect(plan.opRecords).toHaveLength(1);
  });

  it("does not count a device's own earlier write as a concurrent one", () => {
    const stored: StoredDoc = {
      entity: 'issues',
      rowId: 'i1',
      partition: 'site:s1',
      version: 4,
      deleted: false,
      data: ISSUE,
      updatedByDevice: DEVICE,
      writes: null,
    };
    const mine = planPush(
      input([operation('issues', 'update', { id: 'i1', status: 'closed' }, 'site:s1', 3)], { principal: principal('technician') }, [
        stored,
      ]),
    );
    expect(mine.results[0]).toEqual({ opId: expect.any(String), status: 'applied', version: 5 });
    const theirs = planPush(
      input([operation('issues', 'update', { id: 'i1', status: 'closed' }, 'site:s1', 3)], { principal: principal('technician') }, [
        { ...stored, updatedByDevice: OTHER, writes: null },
      ]),
    );
    expect(theirs.results[0]).toMatchObject({
      status: 'applied',
      version: 5,
      overwrote: [{ column: 'status', replaced: 'open', by: 'closed' }],
    });
    expect(theirs.overwrites).toHaveLength(1);
  });

  it('applies an update that changes nothing without a new version or change-log entry', () => {
    const stored: StoredDoc = {
      entity: 'issues',
      rowId: 'i1',
      partition: 'site:s1',
      version: 2,
      deleted: false,
      data: ISSUE,
      updatedByDevice: OTHER,
      writes: null,
    };
    const plan = planPush(
      input([operation('issues', 'update', { id: 'i1', status: 'open' }, 'site:s1', 1)], { principal: principal('technician') }, [stored]),
    );
    expect(plan.results[0]).toEqual({ opId: expect.any(String), status: 'applied', version: 2 });
    expect(plan.changed.size).toBe(0);
  });

  it('treats an insert of an existing row as writing every column, omitted nullable ones as null', () => {
    const stored: StoredDoc = {
      entity: 'issues',
      rowId: 'i1',
      partition: 'site:s1',
      version: 2,
      deleted: false,
      data: { ...ISSUE, assignee: 'Ann' },
      updatedByDevice: OTHER,
      writes: null,
    };
    const { assignee: _omitted, ...withoutAssignee } = ISSUE;
    const plan = planPush(
      input([operation('issues', 'insert', withoutAssignee, 'site:s1')], { principal: principal('technician') }, [stored]),
    );
    expect(plan.results[0]).toMatchObject({
      status: 'applied',
      version: 3,
      overwrote: [{ column: 'assignee', replaced: 'Ann', by: null }],
    });
    expect(plan.changed.get(docKey('issues', 'i1'))!.data).toMatchObject({ assignee: null });
  });

  it('takes the site of a site row created earlier in the batch, and its partition', () => {
    const siteRow: WireRow = {
      id: 's9',
      deployment_id: 'd1',
      wave_id: null,
      code: 'S9',
      name: 'Depot',
      address: '',
      time_zone: 'UTC',
      owner_name: '',
      owner_email: '',
      owner_phone: '',
      window_start: null,
      window_end: null,
      technicians: '["Tom", " tom ", ""]',
      status: 'planned',
      notes: '',
      created_at: 'now',
      created_by: 'R',
      updated_at: 'now',
      updated_by: 'R',
    };
    const plan = planPush(
      input(
        [operation('sites', 'insert', siteRow, 'site:s9'), operation('issues', 'insert', { ...ISSUE, id: 'i9', site_id: 's9' }, 'site:s9')],
        { principal: principal('release_manager') },
      ),
    );
    expect(plan.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(plan.newPartitions.get('site:s9')).toMatchObject({ deploymentId: 'd1', siteId: 's9' });
    expect(plan.labels.get('site:s9')).toBe('S9 — Depot');
    expect(plan.siteAssignments.get('s9')).toEqual({
      deploymentId: 'd1',
      technicians: [
        { id: null, name: 'Tom' },
        { id: null, name: 'tom' },
      ],
    });
  });

  it('creates no partition for a refused operation', () => {
    const wave: WireRow = {
      id: 'w',
      deployment_id: 'd7',
      name: 'W',
      sequence: 1,
      is_pilot: 0,
      starts_at: null,
      ends_at: null,
      created_at: 'now',
      created_by: 'R',
      updated_at: 'now',
      updated_by: 'R',
    };
    const plan = planPush(input([operation('waves', 'insert', wave, 'deployment:d7')], { principal: principal('release_manager') }));
    expect(plan.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', reason: 'You do not manage deployment d7' });
    expect(plan.newPartitions.size).toBe(0);
    expect(plan.changed.size).toBe(0);
  });
});
