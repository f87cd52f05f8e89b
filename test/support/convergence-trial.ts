import fc from 'fast-check';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startTestServer, type ServerBackend, type TestServer } from './central-server';
import { createPlan, openSignedInDevice, pendingOps, syncOnce, type Device, type Plan } from './sync-plan';
import { conflictOpIds, divergence, readLocal, serverDocs } from './sync-verify';

/**
 * One trial of the convergence property (issues #4, #18): a release manager and three technicians
 * (two on site A, one on site B) make random offline changes, the network misbehaves at random
 * (fault proxy), devices are killed in the middle of a sync pass (the core closed at a random moment
 * of its run, as a crash leaves it: whatever SQLite committed stays, the rest is gone; then opened
 * again on the same data directory), the devices sync in a random order, round after round, until
 * nothing moves. Then:
 * every device holds the server's rows of the partitions it may read, every operation the devices
 * made was applied or rejected exactly once, every rejection is in the device's conflicts, and every
 * concurrent overwrite of a shared column (site status) is recorded.
 *
 * Every action of a trial is made before its first sync, so no write can have been made on top of
 * another device's value: any value replaced on the server was replaced concurrently and must be in
 * `overwrites`. Used by the property test (vitest) and by `npm run soak` (thousands of trials).
 */

export const PASSWORD = 'property-password-1';
export const TECHS = ['ta', 'tb', 'tc'] as const;
export type Tech = (typeof TECHS)[number];
export type Who = Tech | 'rm';

export type Action =
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
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('itemState' as const),
      who: tech,
      item: fc.nat(5),
      state: fc.constantFrom('installed' as const, 'missing' as const, 'damaged' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('checklist' as const),
      who: tech,
      item: fc.nat(2),
      state: fc.constantFrom('done' as const, 'not_applicable' as const, 'todo' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('openIssue' as const), who: tech }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolveIssue' as const), who: tech }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('siteStatus' as const),
      who: fc.constantFrom<Who>('rm', ...TECHS),
      status: fc.constantFrom('ready' as const, 'in_progress' as const, 'blocked' as const, 'deployed' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'unassignTb' as const }) },
);

/** A device killed in a faulty round, `afterMs` after its sync pass started (0: before its first request is answered). */
export interface Kill {
  round: number;
  who: Who;
  afterMs: number;
}
const kill: fc.Arbitrary<Kill> = fc.record({
  round: fc.nat(2),
  who: fc.constantFrom<Who>('rm', ...TECHS),
  afterMs: fc.integer({ min: 0, max: 60 }),
});

export const scenario = fc.record({
  actions: fc.array(action, { minLength: 2, maxLength: 14 }),
  faultSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  faultyRounds: fc.integer({ min: 1, max: 3 }),
  orders: fc.array(fc.shuffledSubarray<Who>(['rm', ...TECHS], { minLength: 4, maxLength: 4 }), { minLength: 8, maxLength: 8 }),
  kills: fc.array(kill, { maxLength: 3 }),
});
export type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** What the trials exercised, summed (checked at the end so the property cannot pass vacuously). */
export interface Coverage {
  rejected: number;
  statusOverwrites: number;
  renumberedIssues: number;
  cutConnections: number;
  /** Sync passes cut short by a kill. */
  kills: number;
}

/** One trial's findings: counts for the soak, and every broken promise as a sentence. */
export interface TrialOutcome {
  ops: number;
  /** Operations a device made that the server never decided. */
  lost: number;
  /** Decided operations the server holds more than once, or from a device that did not make them. */
  doubled: number;
  /** Devices whose tables differ from the server's rows of the partitions they may read. */
  unconverged: number;
  failures: string[];
  coverage: Coverage;
}

interface OutboxOp {
  op_id: string;
  entity: string;
  row_id: string;
  data: string;
}

function outbox(device: Device): OutboxOp[] {
  return readLocal(
    device.core.databaseFile,
    (sqlite) => sqlite.prepare('SELECT op_id, entity, row_id, data FROM sync_outbox ORDER BY seq').all() as OutboxOp[],
  );
}

/** A central server with the fault proxy in front of it: where every convergence trial's devices sync. */
export interface ConvergenceRig {
  server: TestServer;
  proxy: FaultProxy;
  stop(): Promise<void>;
}

export async function startConvergenceRig(backend: ServerBackend): Promise<ConvergenceRig> {
  const server = await startTestServer({ backend });
  try {
    const proxy = await startFaultProxy({ targetPort: Number(new URL(server.url).port) });
    return {
      server,
      proxy,
      stop: async () => {
        await proxy.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The four devices, made and signed in once (users, SQLite files and sign-ins cost seconds); each trial gets its own deployment. */
export interface Fleet {
  server: TestServer;
  proxy: FaultProxy;
  devices: Record<Who, Device>;
  users: Record<Who, string>;
  trials: number;
  close(): void;
}

/** `requestTimeoutMs`: the devices' request limit in the trials (sign-ins get their own, openSignedInDevice). */
export async function openFleet(server: TestServer, proxy: FaultProxy, prefix = '', requestTimeoutMs = 4_000): Promise<Fleet> {
  const users = { rm: `${prefix}rm`, ta: `${prefix}ta`, tb: `${prefix}tb`, tc: `${prefix}tc` };
  await server.createUser({ username: users.rm, role: 'release_manager', password: PASSWORD });
  for (const t of TECHS) await server.createUser({ username: users[t], role: 'technician', password: PASSWORD });
  const opened: Device[] = [];
  const device = async (who: Who) => {
    const role = who === 'rm' ? 'release_manager' : 'technician';
    const d = await openSignedInDevice({ name: users[who], role, sync: { requestTimeoutMs } }, proxy.url, users[who], PASSWORD);
    opened.push(d);
    return d;
  };
  const devices = { rm: await device('rm'), ta: await device('ta'), tb: await device('tb'), tc: await device('tc') };
  return {
    server,
    proxy,
    devices,
    users,
    trials: 0,
    close: () => {
      for (const d of opened) d.core.close();
    },
  };
}

interface World {
  plan: Plan;
  devices: Record<Who, Device>;
  users: Record<Who, string>;
  siteOf: Record<Tech, number>;
  /** The release manager's publishing operations (already pushed). */
  published: OutboxOp[];
}

async function setUp(fleet: Fleet): Promise<World> {
  fleet.trials += 1;
  const { devices, users } = fleet;
  const rm = devices.rm;
  const plan = createPlan(
    rm,
    `Property ${fleet.trials}`,
    [
      { code: 'A', technicians: [users.ta, users.tb], items: 6 },
      { code: 'B', technicians: [users.tc], items: 6 },
    ],
    { seed: fleet.trials, checklistItems: 3 },
  );
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
      if (item)
        attempt(() =>
          core.call('checklist.setItemState', { itemId: item.id, state: a.state, note: a.state === 'todo' ? '' : 'by property test' }),
        );
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

async function round(world: World, order: readonly Who[], kills: readonly Kill[] = []): Promise<number> {
  let killed = 0;
  for (const who of order) {
    const device = world.devices[who];
    const k = kills.find((x) => x.who === who);
    if (!k) {
      await device.core.syncEngine.runOnce();
      continue;
    }
    const run = device.core.syncEngine.runOnce();
    await Promise.race([run, new Promise((resolve) => setTimeout(resolve, k.afterMs))]);
    // Closing the core aborts the pass wherever it is; nothing it had not committed is written after.
    device.reopen();
    await run.catch(() => undefined);
    killed += 1;
  }
  return killed;
}

const sorted = (values: Iterable<string>) => [...values].sort();

/** Runs one scenario on the fleet and reports what it broke (nothing, when the protocol holds). */
export async function runTrial(fleet: Fleet, { actions, faultSeed, faultyRounds, orders, kills }: Scenario): Promise<TrialOutcome> {
  const { server, proxy } = fleet;
  const world = await setUp(fleet);
  const who: Who[] = ['rm', ...TECHS];
  const failures: string[] = [];
  const coverage: Coverage = { rejected: 0, statusOverwrites: 0, renumberedIssues: 0, cutConnections: 0, kills: 0 };
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
  proxy.setRandom({
    seed: faultSeed,
    weights: { pass: 3, delay: 1, drop: 1, cut_request: 1, cut_response: 2 },
    maxCutBytes: 3000,
    delayMs: [1, 40],
  });
  for (let r = 0; r < faultyRounds; r += 1)
    coverage.kills += await round(
      world,
      orders[r]!,
      kills.filter((k) => k.round === r),
    );
  coverage.cutConnections += proxy
    .events()
    .slice(eventsBefore)
    .filter((e) => e.cut).length;
  proxy.setMode({ kind: 'pass' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  let r = faultyRounds;
  for (; r < orders.length && who.some((w) => pendingOps(world.devices[w]) > 0); r += 1) await round(world, orders[r]!);
  for (const w of who) {
    const pending = pendingOps(world.devices[w]);
    if (pending > 0) failures.push(`${w} outbox still holds ${pending} operations`);
  }
  // Quiescent: one more full round in which nobody has anything to push, so everyone pulls the last word.
  for (const w of orders[r % orders.length]!) {
    const outcome = await world.devices[w].core.syncEngine.runOnce();
    if (!outcome.ok) failures.push(`${w}: final sync failed: ${outcome.error.code}: ${outcome.error.message}`);
  }

  // Every operation made in this trial is on the server exactly once (applied or rejected), and nothing else from these devices.
  const ops = (await opsSoFar()).filter((o) => !before.has(o.op_id));
  const decided = new Map<string, number>();
  for (const o of ops) decided.set(o.op_id, (decided.get(o.op_id) ?? 0) + 1);
  const lost = [...made.keys()].filter((id) => !decided.has(id));
  const userOfDevice = new Map(deviceIds.map((d) => [d.id, d.username]));
  const doubled = ops.filter(
    (o) => decided.get(o.op_id)! > 1 || !made.has(o.op_id) || userOfDevice.get(o.device_id) !== world.users[made.get(o.op_id)!.who],
  );
  if (lost.length > 0) failures.push(`lost operations: ${sorted(lost).join(', ')}`);
  if (doubled.length > 0) failures.push(`operations held twice or by the wrong device: ${sorted(doubled.map((o) => o.op_id)).join(', ')}`);

  // Every rejection is in the device's conflicts, and every conflict is a rejection.
  for (const w of who) {
    const rejected = sorted(ops.filter((o) => o.status === 'rejected' && made.get(o.op_id)?.who === w).map((o) => o.op_id));
    const conflicts = sorted(conflictOpIds(world.devices[w].core.databaseFile).filter((id) => !conflictsBefore.get(w)!.has(id)));
    if (JSON.stringify(conflicts) !== JSON.stringify(rejected))
      failures.push(`${w} conflicts ${JSON.stringify(conflicts)} but the server rejected ${JSON.stringify(rejected)}`);
  }

  // Every device holds the server's rows of the partitions it may read now.
  const docs = await serverDocs(server.db);
  const [siteA, siteB] = world.plan.sites;
  const assignments = await server.db.query<{ technician: string }>(
    'SELECT u.username AS technician FROM site_assignments a JOIN users u ON u.id = a.user_id WHERE a.site_id = $1',
    [siteA!.id],
  );
  const tbOnA = assignments.some((a) => a.technician === world.users.tb);
  const dep = `deployment:${world.plan.deploymentId}`;
  const readable: Record<Who, string[]> = {
    rm: [dep, `site:${siteA!.id}`, `site:${siteB!.id}`],
    ta: [dep, `site:${siteA!.id}`],
    tb: tbOnA ? [dep, `site:${siteA!.id}`] : [],
    tc: [dep, `site:${siteB!.id}`],
  };
  let unconverged = 0;
  for (const w of who) {
    const differences = divergence(world.devices[w].core.databaseFile, docs, readable[w]);
    if (differences.length > 0) {
      unconverged += 1;
      failures.push(`${w} differs from the server: ${differences.slice(0, 5).join('; ')}`);
    }
  }

  // Shared column: a device's last applied offline site status that did not win is recorded as overwritten.
  const overwrites = await server.db.query<{ row_id: string; replaced_value: unknown }>(
    "SELECT row_id, replaced_value FROM overwrites WHERE entity = 'sites' AND column_name = 'status' AND partition = ANY($1::text[])",
    [[`site:${siteA!.id}`, `site:${siteB!.id}`]],
  );
  const appliedIds = new Set(ops.filter((o) => o.status === 'applied' && !publishedIds.has(o.op_id)).map((o) => o.op_id));
  for (const site of [siteA!, siteB!]) {
    const final = docs.find((d) => d.entity === 'sites' && d.row_id === site.id)!.data!.status;
    for (const w of who) {
      const last = [...made.values()]
        .filter((m) => m.who === w && m.op.entity === 'sites' && m.op.row_id === site.id && appliedIds.has(m.op.op_id))
        .map((m) => (JSON.parse(m.op.data) as Record<string, unknown>).status)
        .filter((s) => s !== undefined)
        .at(-1);
      if (last === undefined || last === final) continue;
      const recorded = overwrites.filter((o) => o.row_id === site.id).map((o) => o.replaced_value);
      if (!recorded.includes(last))
        failures.push(
          `${w}'s status ${String(last)} at ${site.id} was replaced by ${String(final)} and not recorded (recorded: ${JSON.stringify(recorded)})`,
        );
    }
  }
  coverage.rejected += ops.filter((o) => o.status === 'rejected').length;
  coverage.statusOverwrites += overwrites.length;
  const [renumbered] = await server.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM overwrites WHERE entity = 'issues' AND column_name = 'number' AND partition = ANY($1::text[])",
    [[`site:${siteA!.id}`, `site:${siteB!.id}`]],
  );
  coverage.renumberedIssues += renumbered!.n;
  return { ops: made.size - world.published.length, lost: lost.length, doubled: doubled.length, unconverged, failures, coverage };
}
