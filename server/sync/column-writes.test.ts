import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Operation, WireRow } from '../../shared/sync/wire';
import { insertedWrites, replacesUnseenValue, withWrites } from './column-writes';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { planPush, type PlanInput } from './push-planner';
import { docKey, type StoredDoc } from './push-state';

// Issue #18: which pushed writes replace a value their device never saw, decided per column.

const ME = '00000000-0000-4000-8000-00000000000a';
const TECH = '00000000-0000-4000-8000-00000000000b';

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
  created_by: 'Rita',
  updated_at: 'now',
  updated_by: 'Rita',
};

function update(data: WireRow, baseVersion: number): Operation {
  return {
    opId: uuidv7(),
    entity: 'issues',
    rowId: 'i1',
    kind: 'update',
    partition: 'site:s1',
    baseVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    data,
    createdAt: 'now',
  };
}

function input(ops: Operation[], stored: StoredDoc): PlanInput {
  return {
    ops,
    deviceId: ME,
    access: {
      principal: { userId: 'u', username: 'rita', displayName: 'Rita', role: 'release_manager', deviceId: ME, deviceName: 'desk' },
      managed: new Set(['d1']),
      sites: new Map(),
    },
    docs: new Map([[docKey('issues', 'i1'), stored]]),
    partitions: new Map([['site:s1', { key: 'site:s1', scope: 'site', deploymentId: 'd1', siteId: 's1', label: '' }]]),
    recorded: new Map(),
    completeBlobs: new Set(),
    numbering: new Map(),
  };
}

/** Rita inserted the issue (version 1); a technician then set its status (version 2), which Rita has not pulled. */
const afterTechnician: StoredDoc = {
  entity: 'issues',
  rowId: 'i1',
  partition: 'site:s1',
  version: 2,
  deleted: false,
  data: { ...ISSUE, status: 'escalated' },
  updatedByDevice: TECH,
  writes: withWrites(insertedWrites(1, ME), ['status'], 2, TECH),
};

describe('concurrent writes, column by column', () => {
  it("records a value replaced by a device's second offline write although its first made it the row's last writer", () => {
    // The interleaving of the convergence counterexample (seed 909090): Rita's two offline edits of one
    // row, both made on version 1, arrive after the technician's status; the first edit touches
    // another column and makes Rita the last writer, the second replaces the status she never saw.
    const plan = planPush(input([update({ id: 'i1', assignee: 'Ann' }, 1), update({ id: 'i1', status: 'resolved' }, 1)], afterTechnician));
    expect(plan.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(plan.overwrites.map((o) => [o.column_name, o.replaced_value, o.new_value])).toEqual([['status', 'escalated', 'resolved']]);
    expect(plan.changed.get(docKey('issues', 'i1'))!.writes).toEqual({
      columns: { '*': 1, status: 4, assignee: 3 },
      writers: { 1: ME, 3: ME, 4: ME },
    });
  });

  it('records nothing when a write replaces only values its own device wrote or had pulled', () => {
    const pulled = planPush(input([update({ id: 'i1', status: 'resolved' }, 2)], afterTechnician));
    expect(pulled.overwrites).toEqual([]);
    const own = planPush(
      input([update({ id: 'i1', status: 'in_progress' }, 1), update({ id: 'i1', status: 'resolved' }, 1)], afterTechnician),
    );
    // The first replaces the technician's value (recorded); the second only Rita's own first one.
    expect(own.overwrites.map((o) => [o.replaced_value, o.new_value])).toEqual([['escalated', 'in_progress']]);
  });

  it('keeps one writer per version that a column still names', () => {
    const writes = withWrites(withWrites(insertedWrites(1, ME), ['status'], 2, TECH), ['status', 'assignee'], 3, ME);
    expect(writes).toEqual({ columns: { '*': 1, status: 3, assignee: 3 }, writers: { 1: ME, 3: ME } });
    expect(replacesUnseenValue({ version: 3, updatedByDevice: ME, writes }, 'status', 1, TECH)).toBe(true);
    expect(replacesUnseenValue({ version: 3, updatedByDevice: ME, writes }, 'title', 1, TECH)).toBe(false);
  });

  it("falls back to the row's version and last writer for rows stored before column writes were kept", () => {
    const legacy = { version: 2, updatedByDevice: TECH, writes: null };
    expect(replacesUnseenValue(legacy, 'status', 1, ME)).toBe(true);
    expect(replacesUnseenValue(legacy, 'status', 2, ME)).toBe(false);
    expect(replacesUnseenValue({ ...legacy, updatedByDevice: ME }, 'status', 1, ME)).toBe(false);
  });
});
