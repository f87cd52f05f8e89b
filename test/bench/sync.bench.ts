import os from 'node:os';
import { createUser } from '../../server/accounts/users';
import { openCentralDb, type CentralDb } from '../../server/db/central-db';
import { migrateCentral } from '../../server/db/migrate-central';
import type { WireRow } from '../../shared/sync/wire';
import { startPostgres } from '../support/postgres-harness';
import { startServerProcess } from '../support/server-process';
import { createPlan, openDevice, pendingOps, signInDevice, syncOnce, type Device } from '../support/sync-plan';
import { readLocal } from '../support/sync-verify';
import { benchConcurrentDevices } from './sync-concurrent';
import { ceilingRowsPerS } from './sync-ceiling';
import { outboxOperations, serverValidationUsPerOp } from './sync-validation';
import { round } from './stats';

const PASSWORD = 'bench-password-1';
const PUSH_ITEMS = 10_000;
const PULL_ITEMS = 100_000;
const PREP_SITES = 20;
const PREP_ITEMS = 50;
const CONC_SITES = 25;
const CONC_DEVICES_PER_SITE = 4;
const CONC_OPS_PER_DEVICE = 100;

const quiet = { info: () => undefined, warn: () => undefined };

function localCount(device: Device, sql: string, ...params: unknown[]): number {
  return readLocal(device.core.databaseFile, (sqlite) => (sqlite.prepare(sql).get(...params) as { n: number }).n);
}

async function appliedBy(db: CentralDb, username: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM applied_ops a JOIN devices d ON d.id = a.device_id JOIN users u ON u.id = d.user_id WHERE u.username = $1 AND a.status = 'applied'",
    [username],
  );
  return row!.n;
}

function deviceRows(device: Device, sql: string, ...params: unknown[]): Map<string, WireRow> {
  return readLocal(
    device.core.databaseFile,
    (sqlite) => new Map((sqlite.prepare(sql).all(...params) as (WireRow & { id: string })[]).map((row) => [row.id, row])),
  );
}

/** Runs one sync pass and returns when the outbox emptied (the push) and when the pass ended. */
async function timedPush(device: Device): Promise<{ pushS: number; runS: number }> {
  const started = performance.now();
  let pushedAt: number | null = null;
  const poll = setInterval(() => {
    if (pushedAt === null && pendingOps(device) === 0) pushedAt = performance.now();
  }, 5);
  try {
    await syncOnce(device);
  } finally {
    clearInterval(poll);
  }
  const ended = performance.now();
  return { pushS: ((pushedAt ?? ended) - started) / 1000, runS: (ended - started) / 1000 };
}

/**
 * Sync against a real PostgreSQL 15 on loopback with default durability (fsync on), the server as a
 * separate process (the built CLI), devices as real cores on SQLite files talking HTTP.
 */
export async function benchSync(): Promise<Record<string, number | string>> {
  const loadAtStart = os.loadavg()[0]!;
  const postgres = await startPostgres({ fast: false });
  const devices: Device[] = [];
  let server: Awaited<ReturnType<typeof startServerProcess>> | null = null;
  let db: CentralDb | null = null;
  try {
    const databaseUrl = await postgres.createDatabase('outpost_bench_sync');
    db = await openCentralDb({ databaseUrl, poolSize: 2 });
    await migrateCentral(db, quiet);
    await createUser(db, { username: 'rm', displayName: 'Bench RM', role: 'release_manager', password: PASSWORD });
    for (const name of ['push-tech', 'pull-tech', 'prep-tech'])
      await createUser(db, { username: name, displayName: name, role: 'technician', password: PASSWORD });
    const concUsers: { id: string }[] = [];
    for (let i = 1; i <= CONC_SITES; i += 1) {
      concUsers.push(await createUser(db, { username: `conc${i}`, displayName: `Conc ${i}`, role: 'technician', password: PASSWORD }));
    }
    server = await startServerProcess({ databaseUrl });

    // Every device signs in before the plan exists: its first pass afterwards is a fresh initial pull.
    const open = (name: string, role: 'technician' | 'release_manager') => {
      const device = openDevice({ name, role, sync: { requestTimeoutMs: 120_000 } });
      devices.push(device);
      return device;
    };
    const rm = open('Bench RM', 'release_manager');
    const pushTech = open('push-tech', 'technician');
    const pullTech = open('pull-tech', 'technician');
    const prepTech = open('prep-tech', 'technician');
    await signInDevice(rm, server.url, 'rm', PASSWORD);
    for (const d of [pushTech, pullTech, prepTech]) await signInDevice(d, server.url, d.name, PASSWORD);

    const plan = createPlan(rm, 'Sync benchmark', [
      { code: 'PUSH', technicians: ['push-tech'], items: PUSH_ITEMS },
      { code: 'PULL', technicians: ['pull-tech'], items: PULL_ITEMS },
      ...Array.from({ length: PREP_SITES }, (_, i) => ({ code: `PREP${i + 1}`, technicians: ['prep-tech'], items: PREP_ITEMS })),
      ...Array.from({ length: CONC_SITES }, (_, i) => ({
        code: `CONC${i + 1}`,
        technicians: [`conc${i + 1}`],
        items: CONC_DEVICES_PER_SITE * CONC_OPS_PER_DEVICE,
      })),
    ]);
    const [pushSite, pullSite] = plan.sites;

    // Seeding: the release manager's device publishes the plan (every row pushed over HTTP).
    const { queued } = rm.core.call('sync.publish', { deploymentId: plan.deploymentId });
    const publish = await timedPush(rm);
    if (pendingOps(rm) !== 0) throw new Error('the plan was not published completely');

    // (b) initial pull of 100,000 inventory rows into a fresh device.
    const pullStarted = performance.now();
    await syncOnce(pullTech);
    const pullS = (performance.now() - pullStarted) / 1000;
    const pulled = localCount(pullTech, 'SELECT count(*) AS n FROM inventory_items WHERE site_id = ?', pullSite!.id);
    if (pulled !== PULL_ITEMS) throw new Error(`pulled ${pulled} inventory rows, expected ${PULL_ITEMS}`);

    // (c) the ceiling: the same rows by multi-row INSERT into a docs-shaped table in the same database.
    const ceiling = await ceilingRowsPerS(databaseUrl, { entity: 'inventory_items', partition: `site:${pullSite!.id}` });

    // (a) push of 10,000 receive scans made on a technician's device.
    await syncOnce(pushTech);
    for (const serial of pushSite!.serials) {
      const result = pushTech.core.call('inventory.receive', { siteId: pushSite!.id, serial });
      if (result.outcome !== 'received') throw new Error(`scan of ${serial}: ${result.outcome}`);
    }
    const pushOps = pendingOps(pushTech);
    const pushedOperations = outboxOperations(pushTech.core.databaseFile);
    const appliedBefore = await appliedBy(db, 'push-tech');
    const push = await timedPush(pushTech);
    const appliedPush = (await appliedBy(db, 'push-tech')) - appliedBefore;
    if (appliedPush !== pushOps || pendingOps(pushTech) !== 0)
      throw new Error(`push: ${pushOps} operations made, ${appliedPush} applied on the server`);
    const validationUs = serverValidationUsPerOp(
      pushedOperations,
      deviceRows(pushTech, 'SELECT * FROM inventory_items WHERE site_id = ?', pushSite!.id),
    );

    // (d) "Prepare for site" of 20 sites with 50 items each on a fresh device.
    const prepIds = plan.sites.slice(2, 2 + PREP_SITES).map((s) => s.id);
    const prepStarted = performance.now();
    const prepared = await prepTech.core.syncEngine.runOnce({ kind: 'prepare', siteIds: prepIds });
    const prepareS = (performance.now() - prepStarted) / 1000;
    if (!prepared.ok) throw new Error(`prepare failed: ${prepared.error.message}`);
    const prepItems = localCount(prepTech, 'SELECT count(*) AS n FROM inventory_items');
    const preparedSites = prepTech.core.call('sync.status', {}).preparedSites.length;
    if (prepItems !== PREP_SITES * PREP_ITEMS || preparedSites !== PREP_SITES)
      throw new Error(`prepare: ${prepItems} items, ${preparedSites} sites marked prepared`);

    // (e) 100 devices pushing 100 operations each at once.
    const concurrent = await benchConcurrentDevices(db, server.url, {
      sites: plan.sites.slice(2 + PREP_SITES).map((s, i) => ({ siteId: s.id, userId: concUsers[i]!.id })),
      devicesPerSite: CONC_DEVICES_PER_SITE,
      opsPerDevice: CONC_OPS_PER_DEVICE,
      opsPerRequest: 10,
    });

    const pushOpsPerS = pushOps / push.pushS;
    const pullRowsPerS = PULL_ITEMS / pullS;
    return {
      'sync.push_ops': pushOps,
      'sync.push_ops_per_s': round(pushOpsPerS, 0),
      'sync.push_pass_total_s': round(push.runS),
      'sync.server_validation_us_per_op': round(validationUs),
      'sync.server_validation_share_of_push': round(validationUs / (1e6 / pushOpsPerS), 3),
      'sync.pull_rows': PULL_ITEMS,
      'sync.pull_rows_per_s': round(pullRowsPerS, 0),
      'sync.ceiling_rows_per_s': round(ceiling.rowsPerS, 0),
      'sync.ratio_to_ceiling': round(pullRowsPerS / ceiling.rowsPerS, 3),
      'sync.push_ratio_to_ceiling': round(pushOpsPerS / ceiling.rowsPerS, 3),
      'sync.publish_ops': queued,
      'sync.publish_ops_per_s': round(queued / publish.pushS, 0),
      'sync.prepare_20_sites_s': round(prepareS, 3),
      'sync.concurrent_100_devices_p50_ms': round(concurrent.p50Ms),
      'sync.concurrent_100_devices_p95_ms': round(concurrent.p95Ms),
      'sync.concurrent_100_devices_ops_per_s': round(concurrent.opsPerS, 0),
      // The machine is shared: the 1-minute load average before and after says how quiet it was.
      'sync.load_avg_1m_start': round(loadAtStart),
      'sync.load_avg_1m_end': round(os.loadavg()[0]!),
      'sync.notes':
        'PostgreSQL 15 on 127.0.0.1, default durability (fsync on, synchronous_commit on); server = `outpost server start` child process; devices = real cores (SQLite) over HTTP. ' +
        `Seeded by publishing from a release manager's device (${queued} rows pushed through the normal client, figure sync.publish_ops_per_s). ` +
        'push: 10,000 inventory.receive scans on a technician device, time until its outbox is empty (the pass then pulls the echoes: sync.push_pass_total_s). ' +
        "server_validation: the server's per-operation checks (shape, partition, immutability, the desktop's CHECK/NOT NULL rules) over those 10,000 operations in process, median of 7 rounds; share_of_push = that time over the time per pushed operation. " +
        'pull: first sync pass of a signed-in device with no data, 100,000 inventory rows of one site (plus the site and deployment rows). ' +
        'ceiling: the same 100,000 docs rows by INSERT ... VALUES of 1,000 rows per statement (autocommit) into a copy of docs (same keys, index, FK). ' +
        `concurrent: ${CONC_SITES} sites x ${CONC_DEVICES_PER_SITE} device tokens (issued directly), each device ${CONC_OPS_PER_DEVICE} update operations as 10 pushes of 10, all devices at once; latency per HTTP request.`,
    };
  } finally {
    for (const device of devices) device.core.close();
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await postgres.stop();
  }
}
