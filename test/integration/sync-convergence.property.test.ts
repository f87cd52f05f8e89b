import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/central-server';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { createPlan, openDevice, pendingOps, signInDevice, syncOnce, type Device, type Plan } from '../support/sync-plan';
import { conflictOpIds, divergence, serverDocs } from '../support/sync-verify';

/**
 * Issue #4, property: a release manager and three technicians (two on site A, one on site B) make
 * random offline changes, the network misbehaves at random (fault proxy), the devices sync in a
 * random order, round after round, until nothing moves. Then: every device holds the server's rows
 * of the partitions it may read, every operation the devices made was applied or rejected exactly
 * once, every rejection is in the device's conflicts, and every concurrent overwrite of a shared
 * column (site status) is recorded. Seeded and bounded; fast-check prints the seed on failure.
 * Black holes are left to sync-faults.test.ts: each costs a whole request timeout.
 */

const PASSWORD = 'property-password-1';
const TECHS = ['ta', 'tb', 'tc'] as const;
type Tech = (typeof TECHS)[number];
type Who = Tech | 'rm';

type Action =
  | { kind: 'receive'; who: Tech; item: number }
  | { kind: 'itemState'; who: Tech; item: number; state: 'installed' | 'missing' | 'damaged' }
  | { kind: 'checklist'; who: Tech; item: number; state: 'done' | 'not_applicable' | 'todo' }
  | { kind: 'openIssue'; who: Tech }
  | { kind: 'resolveIssue'; who: Tech }
  | { kind: 'siteStatus'; who: Who; status: 'ready' | 'in_progress' | 'blocked' | 'deployed' }
  | { kind: 'unassignTb' };

const tech = fc.constantFrom<Tech>(...TECHS);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receive' as const), who: tech, item: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('itemState' as const), who: tech, item: fc.nat(5), state: fc.constantFrom('installed' as const, 'missing' as const, 'damaged' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('checklist' as const), who: tech, item: fc.nat(2), state: fc.constantFrom('done' as const, 'not_applicable' as const, 'todo' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('openIssue' as const), who: tech }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolveIssue' as const), who: tech }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('siteStatus' as const), who: fc.constantFrom<Who>('rm', ...TECHS), status: fc.constantFrom('ready' as const, 'in_progress' as const, 'blocked' as const, 'deployed' as const) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'unassignTb' as const }) },
);

const scenario = fc.record({
  actions: fc.array(action, { minLength: 2, maxLength: 14 }),
  faultSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  faultyRounds: fc.integer({ min: 1, max: 3 }),
  orders: fc.array(fc.shuffledSubarray<Who>(['rm', ...TECHS], { minLength: 4, maxLength: 4 }), { minLength: 8, maxLength: 8 }),
});

/** What the runs exercised, summed (checked at the end so the property cannot pass vacuously). */
const coverage = { rejected: 0, statusOverwrites: 0, renumberedIssues: 0, cutConnections: 0 };

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
const ORDERS: Who[][] = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? ['rm', 'ta', 'tb', 'tc'] : ['tc', 'tb', 'ta', 'rm']));
/** Cases the random ones may miss: two issues numbered alike at one site; work at a site its technician was just taken off. */
const EXAMPLES: [Scenario][] = [
  [
    {
      actions: [
        { kind: 'openIssue', who: 'ta' },
        { kind: 'openIssue', who: 'tb' },
        { kind: 'siteStatus', who: 'ta', status: 'in_progress' },
        { kind: 'siteStatus', who: 'tb', status: 'blocked' },
        { kind: 'siteStatus', who: 'rm', status: 'ready' },
        { kind: 'receive', who: 'tb', item: 1 },
      ],
      faultSeed: 7,
      faultyRounds: 1,
      orders: ORDERS,
    },
  ],
  [
    {
      actions: [{ kind: 'unassignTb' }, { kind: 'receive', who: 'tb', item: 2 }, { kind: 'checklist', who: 'tb', item: 0, state: 'done' }],
      faultSeed: 11,
      faultyRounds: 1,
      orders: ORDERS,
    },
  ],
];

let server: TestServer;
let proxy: FaultProxy;
let run = 0;
const opened: Device[] = [];

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  proxy = await startFaultProxy({ targetPort: Number(new URL(server.url).port) });
  fleet = await openFleet();
}, 120_000);

afterAll(async () => {
  for (const device of opened) device.core.close();
  await proxy?.close();
  await server?.stop();
});

interface OutboxOp {
  op_id: string;
  entity: string;
  row_id: string;
  data: string;
}

function outbox(device: Device): OutboxOp[] {
  const sqlite = new Database(device.core.databaseFile, { readonly: true });
  try {
    return sqlite.prepare('SELECT op_id, entity, row_id, data FROM sync_outbox ORDER BY seq').all() as OutboxOp[];
  } finally {
    sqlite.close();
  }
}

interface World {
  plan: Plan;
  devices: Record<Who, Device>;
  users: Record<Who, string>;
  siteOf: Record<Tech, number>;
  /** The release manager's publishing operations (already pushed). */
  published: OutboxOp[];
}

interface Fleet {
  devices: Record<Who, Device>;
  users: Record<Who, string>;
}
let fleet: Fleet;

/**
 * The four devices are made and signed in once (users, SQLite files and sign-ins cost seconds);
 * each run gets a new deployment of its own, so runs do not see each other's rows.
 */
async function openFleet(): Promise<Fleet> {
  const users = { rm: 'rm', ta: 'ta', tb: 'tb', tc: 'tc' };
  await server.createUser({ username: users.rm, role: 'release_manager', password: PASSWORD });
  for (const t of TECHS) await server.createUser({ username: users[t], role: 'technician', password: PASSWORD });
  const device = async (who: Who) => {
    const d = openDevice({ name: users[who], role: who === 'rm' ? 'release_manager' : 'technician', sync: { requestTimeoutMs: 4_000 } });
    opened.push(d);
    await signInDevice(d, proxy.url, users[who], PASSWORD);
    return d;
  };
  return { users, devices: { rm: await device('rm'), ta: await device('ta'), tb: await device('tb'), tc: await device('tc') } };
}

async function setUp(): Promise<World> {
  run += 1;
  const { devices, users } = fleet;
  const rm = devices.rm;
  const plan = createPlan(rm, `Property ${run}`, [
    { code: 'A', technicians: [users.ta, users.tb], items: 6 },
    { code: 'B', technicians: [users.tc], items: 6 },
  ], { seed: run, checklistItems: 3 });
  rm.core.call('sync.publish', { deploymentId: plan.deploymentId });
  const published = outbox(rm);
  await syncOnce(rm);
  for (const t of TECHS) await syncOnce(devices[t]);
  return { plan, devices, users, siteOf: { ta: 0, tb: 0, tc: 1 }, published };
}

/** Applies one offline action through the device's API; a refusal by a domain rule is fine (nothing captured). */
function perform(world: World, a: Action): void {
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch {
      // A domain rule refused it (already received, transition not allowed...): no change, no operation.
    }
  };
  if (a.kind === 'unassignTb') {
    const site = world.plan.sites[0]!;
    attempt(() => world.devices.rm.core.call('sites.update', { siteId: site.id, technicians: [world.users.ta] }));
    return;
  }
  const core = world.devices[a.who].core;
  const site = world.plan.sites[a.who === 'rm' ? 0 : world.siteOf[a.who]]!;
  switch (a.kind) {
    case 'receive':
      attempt(() => core.call('inventory.receive', { siteId: site.id, serial: site.serials[a.item]! }));
      break;
    case 'itemState': {
      const items = core.call('inventory.list', { siteId: site.id, limit: 50 }).items;
      const item = items[a.item % items.length];
      if (item) attempt(() => core.call('inventory.setState', { itemId: item.id, state: a.state }));
      break;
    }
    case 'checklist': {
      const items = core.call('checklist.get', { siteId: site.id }).phases.flatMap((p) => p.items);
      const item = items[a.item % Math.max(1, items.length)];
      if (item) attempt(() => core.call('checklist.setItemState', { itemId: item.id, state: a.state, note: a.state === 'todo' ? '' : 'by property test' }));
      break;
    }
    case 'openIssue':
      attempt(() => core.call('issues.create', { siteId: site.id, title: `Found by ${a.who}`, severity: 'low', category: 'hardware' }));
      break;
    case 'resolveIssue': {
      const issue = core.call('issues.list', { siteId: site.id, status: 'open' }).issues[0];
      if (issue) attempt(() => core.call('issues.setStatus', { issueId: issue.id, status: 'resolved', reason: 'fixed' }));
      break;
    }
    case 'siteStatus':
      attempt(() => core.call('sites.setStatus', { siteId: site.id, status: a.status }));
      break;
  }
}

async function round(world: World, order: readonly Who[]): Promise<void> {
  for (const who of order) await world.devices[who].core.syncEngine.runOnce();
}

it('three devices with random offline changes and random faults converge; every operation once; every conflict recorded', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ actions, faultSeed, faultyRounds, orders }) => {
      const world = await setUp();
      const who: Who[] = ['rm', ...TECHS];
      const deviceIds = await server.db.query<{ id: string; username: string }>(
        'SELECT d.id::text AS id, u.username FROM devices d JOIN users u ON u.id = d.user_id WHERE u.username = ANY($1::text[]) AND d.revoked_at IS NULL',
        [Object.values(world.users)],
      );
      const opsSoFar = async () =>
        server.db.query<{ op_id: string; status: string; device_id: string; entity: string; row_id: string }>(
          'SELECT op_id::text AS op_id, status, device_id::text AS device_id, entity, row_id FROM applied_ops WHERE device_id = ANY($1::uuid[])',
          [deviceIds.map((d) => d.id)],
        );
      const publishedIds = new Set(world.published.map((op) => op.op_id));
      const before = new Set((await opsSoFar()).map((o) => o.op_id).filter((id) => !publishedIds.has(id)));
      const conflictsBefore = new Map(who.map((w) => [w, new Set(conflictOpIds(world.devices[w].core.databaseFile))]));
      for (const a of actions) perform(world, a);
      const made = new Map<string, { who: Who; op: OutboxOp }>(world.published.map((op) => [op.op_id, { who: 'rm' as Who, op }]));
      for (const w of who) for (const op of outbox(world.devices[w])) made.set(op.op_id, { who: w, op });

      const eventsBefore = proxy.events().length;
      proxy.setRandom({ seed: faultSeed, weights: { pass: 3, delay: 1, drop: 1, cut_request: 1, cut_response: 2 }, maxCutBytes: 3000, delayMs: [1, 40] });
      for (let r = 0; r < faultyRounds; r += 1) await round(world, orders[r]!);
      coverage.cutConnections += proxy.events().slice(eventsBefore).filter((e) => e.cut).length;
      proxy.setMode({ kind: 'pass' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      let r = faultyRounds;
      for (; r < orders.length && who.some((w) => pendingOps(world.devices[w]) > 0); r += 1) await round(world, orders[r]!);
      for (const w of who) expect(pendingOps(world.devices[w]), `${w} outbox`).toBe(0);
      // Quiescent: one more full round in which nobody has anything to push, so everyone pulls the last word.
      for (const w of orders[r % orders.length]!) await syncOnce(world.devices[w]);

      // Every operation made in this run is on the server exactly once (applied or rejected), and nothing else from these devices.
      const ops = (await opsSoFar()).filter((o) => !before.has(o.op_id));
      expect(ops.map((o) => o.op_id).sort()).toEqual([...made.keys()].sort());
      const userOfDevice = new Map(deviceIds.map((d) => [d.id, d.username]));
      for (const op of ops) expect(userOfDevice.get(op.device_id)).toBe(world.users[made.get(op.op_id)!.who]);

      // Every rejection is in the device's conflicts, and every conflict is a rejection.
      for (const w of who) {
        const rejected = ops.filter((o) => o.status === 'rejected' && made.get(o.op_id)!.who === w).map((o) => o.op_id);
        const conflicts = conflictOpIds(world.devices[w].core.databaseFile).filter((id) => !conflictsBefore.get(w)!.has(id));
        expect(conflicts.sort(), `${w} conflicts`).toEqual(rejected.sort());
      }

      // Every device holds the server's rows of the partitions it may read now.
      const docs = await serverDocs(server.db);
      const [siteA, siteB] = world.plan.sites;
      const assignments = await server.db.query<{ technician: string }>('SELECT technician FROM site_assignments WHERE site_id = $1', [siteA!.id]);
      const tbOnA = assignments.some((a) => a.technician === world.users.tb);
      const dep = `deployment:${world.plan.deploymentId}`;
      const readable: Record<Who, string[]> = {
        rm: [dep, `site:${siteA!.id}`, `site:${siteB!.id}`],
        ta: [dep, `site:${siteA!.id}`],
        tb: tbOnA ? [dep, `site:${siteA!.id}`] : [],
        tc: [dep, `site:${siteB!.id}`],
      };
      for (const w of who) expect(divergence(world.devices[w].core.databaseFile, docs, readable[w]), w).toEqual([]);

      // Shared column: a device's last applied offline site status that did not win is recorded as overwritten.
      const overwrites = await server.db.query<{ row_id: string; replaced_value: unknown }>(
        "SELECT row_id, replaced_value FROM overwrites WHERE entity = 'sites' AND column_name = 'status' AND partition = ANY($1::text[])",
        [[`site:${siteA!.id}`, `site:${siteB!.id}`]],
      );
      const published = new Set(world.published.map((op) => op.op_id));
      const appliedIds = new Set(ops.filter((o) => o.status === 'applied' && !published.has(o.op_id)).map((o) => o.op_id));
      for (const site of [siteA!, siteB!]) {
        const final = docs.find((d) => d.entity === 'sites' && d.row_id === site.id)!.data!.status;
        for (const w of who) {
          const last = [...made.values()]
            .filter((m) => m.who === w && m.op.entity === 'sites' && m.op.row_id === site.id && appliedIds.has(m.op.op_id))
            .map((m) => (JSON.parse(m.op.data) as Record<string, unknown>).status)
            .filter((s) => s !== undefined)
            .at(-1);
          if (last === undefined || last === final) continue;
          expect(overwrites.filter((o) => o.row_id === site.id).map((o) => o.replaced_value), `${w}'s status ${String(last)} at ${site.id}`).toContain(last);
        }
      }
      coverage.rejected += ops.filter((o) => o.status === 'rejected').length;
      coverage.statusOverwrites += overwrites.length;
      const [renumbered] = await server.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM overwrites WHERE entity = 'issues' AND column_name = 'number' AND partition = ANY($1::text[])",
        [[`site:${siteA!.id}`, `site:${siteB!.id}`]],
      );
      coverage.renumberedIssues += renumbered!.n;
    }),
    { numRuns: 15, seed: 4242, endOnFailure: true, examples: EXAMPLES },
  );
  expect(coverage.cutConnections).toBeGreaterThan(0);
  expect(coverage.statusOverwrites).toBeGreaterThan(0);
  expect(coverage.rejected).toBeGreaterThan(0);
  expect(coverage.renumberedIssues).toBeGreaterThan(0);
}, 240_000);
