import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresUnavailableReason } from '../support/postgres-harness';
import type { ServerBackend } from '../support/central-server';
import { createPlan, pendingOps, syncOnce, type Device, type Plan } from '../support/sync-plan';
import { conflictOpIds, divergence, outboxOpIds, overVersionedDocs, serverDocs, serverOps } from '../support/sync-verify';
import { startSyncWorld, type SyncWorld } from '../support/sync-world';

/**
 * Issue #4, fault injection: a TCP proxy that delays, drops and cuts connections in the middle of
 * requests and responses; the server killed with SIGKILL mid-push and restarted on the same
 * database; the client killed mid-sync and reopened. After each: converged, nothing lost, nothing
 * applied twice. Real server process, real SQLite cores.
 */

const USERS = [
  { username: 'rm', role: 'release_manager' as const, displayName: 'Rita Manager' },
  { username: 'ta', role: 'technician' as const, displayName: 'Tom Alpha' },
  { username: 'tb', role: 'technician' as const, displayName: 'Tia Beta' },
];

let world: SyncWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

/** Runs passes until the outbox is empty and a pass succeeds, tolerating failures on the way. */
async function syncUntilClean(device: Device, maxAttempts = 80): Promise<{ attempts: number; failures: number }> {
  let failures = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const outcome = await device.core.syncEngine.runOnce();
    if (outcome.ok && pendingOps(device) === 0) return { attempts: attempt, failures };
    if (!outcome.ok) failures += 1;
  }
  throw new Error(`${device.name} did not converge in ${maxAttempts} passes (pending ${pendingOps(device)})`);
}

/** A release manager's published plan and a technician who has pulled it. */
async function publishedSite(w: SyncWorld, items: number, technicians = ['ta']): Promise<{ rm: Device; plan: Plan; made: string[] }> {
  const rm = await w.device('Rita Manager', 'release_manager', 'rm');
  const plan = createPlan(rm, 'Fault deployment', [{ code: 'F1', technicians, items }], { checklistItems: 4 });
  rm.core.call('sync.publish', { deploymentId: plan.deploymentId });
  const made = outboxOpIds(rm.core.databaseFile);
  await syncOnce(rm);
  return { rm, plan, made };
}

function partitionsOf(plan: Plan): string[] {
  return [`deployment:${plan.deploymentId}`, ...plan.sites.map((s) => `site:${s.id}`)];
}

/** Everything the issue asks after a fault: every operation on the server once, outboxes empty, rows equal. */
async function expectConverged(w: SyncWorld, plan: Plan, made: readonly string[], devices: readonly Device[]): Promise<void> {
  for (const device of devices) {
    expect(pendingOps(device), `${device.name} outbox`).toBe(0);
    expect(conflictOpIds(device.core.databaseFile), `${device.name} conflicts`).toEqual([]);
  }
  const partitions = partitionsOf(plan);
  const { ops, docs, overVersioned } = await w.withDb(async (db) => ({
    ops: await serverOps(db),
    docs: await serverDocs(db),
    overVersioned: await overVersionedDocs(db),
  }));
  const applied = ops.filter((op) => op.status === 'applied').map((op) => op.op_id);
  expect(new Set(made).size).toBe(made.length);
  expect([...applied].sort()).toEqual([...made].sort());
  expect(ops.filter((op) => op.status === 'rejected')).toEqual([]);
  expect(overVersioned).toEqual([]);
  for (const device of devices) expect(divergence(device.core.databaseFile, docs, partitions), device.name).toEqual([]);
  // Rows per entity on the server = rows per entity on the device, for the plan's partitions.
  const counts = new Map<string, number>();
  for (const doc of docs) if (!doc.deleted && partitions.includes(doc.partition)) counts.set(doc.entity, (counts.get(doc.entity) ?? 0) + 1);
  expect(counts.get('inventory_items')).toBe(plan.sites.reduce((n, s) => n + s.serials.length, 0));
}

/** Offline work on a technician's device: receive scans, checklist progress, an issue, the site status. */
function fieldWork(device: Device, plan: Plan, receive: number, from = 0): void {
  const site = plan.sites[0]!;
  for (const serial of site.serials.slice(from, from + receive)) {
    expect(device.core.call('inventory.receive', { siteId: site.id, serial }).outcome).toBe('received');
  }
  const checklist = device.core.call('checklist.get', { siteId: site.id });
  const items = checklist.phases.flatMap((phase) => phase.items).slice(0, 2);
  for (const item of items) device.core.call('checklist.setItemState', { itemId: item.id, state: 'done', note: 'ok' });
  const issue = device.core.call('issues.create', {
    siteId: site.id,
    title: `Issue by ${device.name}`,
    severity: 'medium',
    category: 'hardware',
  });
  device.core.call('issues.comment', { issueId: issue.id, text: 'Looking into it' });
}

describe('sync under network faults (fault proxy)', () => {
  it('a device converges through cut requests, cut responses, drops, delays and black holes; nothing lost, nothing twice', async () => {
    world = await startSyncWorld('pglite', USERS, { inProcess: true });
    const { rm, plan, made } = await publishedSite(world, 60);
    const ta = await world.device('Tom Alpha', 'technician', 'ta');
    await syncOnce(ta);

    fieldWork(ta, plan, 40);
    ta.core.call('sites.setStatus', { siteId: plan.sites[0]!.id, status: 'in_progress' });
    rm.core.call('sites.setStatus', { siteId: plan.sites[0]!.id, status: 'blocked' });
    made.push(...outboxOpIds(ta.core.databaseFile), ...outboxOpIds(rm.core.databaseFile));

    world.proxy.setRandom({
      seed: 20261124,
      weights: { pass: 1, delay: 1, drop: 1, cut_request: 2, cut_response: 3, blackhole: 0.5 },
      maxCutBytes: 4000,
      delayMs: [10, 150],
    });
    const taRun = await syncUntilClean(ta);
    const rmRun = await syncUntilClean(rm);
    world.proxy.setMode({ kind: 'pass' });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the clients notice the cut connections
    for (const device of [ta, rm, ta]) await syncOnce(device);

    const events = world.proxy.events();
    // The faults really happened: responses lost after the request reached the server, requests cut half way.
    expect(events.filter((e) => e.mode.kind === 'cut_response' && e.cut && e.upBytes > 0).length).toBeGreaterThan(0);
    expect(events.filter((e) => e.mode.kind === 'cut_request' && e.cut).length).toBeGreaterThan(0);
    expect(taRun.failures + rmRun.failures).toBeGreaterThan(0);

    await expectConverged(world, plan, made, [ta, rm]);
    const overwrites = await world.withDb((db) =>
      db.query<{ column_name: string }>("SELECT column_name FROM overwrites WHERE entity = 'sites'"),
    );
    expect(overwrites.map((o) => o.column_name)).toContain('status');
  }, 180_000);
});

const backends: ServerBackend[] = postgresUnavailableReason() ? ['pglite'] : ['pglite', 'postgresql'];

describe.each(backends)('server killed with SIGKILL mid-push (%s)', (backend) => {
  it('restarts on the same database; the device converges, every operation applied once', async () => {
    world = await startSyncWorld(backend, USERS);
    const { plan, made } = await publishedSite(world, 1100);
    const ta = await world.device('Tom Alpha', 'technician', 'ta', 5_000);
    await syncOnce(ta);

    // Two rounds of 550 scans (two push batches each); the server dies while the second batch is in flight.
    for (const [round, killAfterMs] of [
      [0, 250],
      [1, 450],
    ] as const) {
      fieldWork(ta, plan, 550, round * 550);
      made.push(...outboxOpIds(ta.core.databaseFile));
      const before = pendingOps(ta);
      world.proxy.setMode({ kind: 'delay', ms: 150 });
      const pass = ta.core.syncEngine.runOnce();
      const deadline = Date.now() + 30_000;
      while (pendingOps(ta) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(pendingOps(ta)).toBeLessThan(before); // the first batch is through; the second is on its way
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      await world.server.kill9();
      expect((await pass).ok).toBe(false);
      await world.server.restart();
      world.proxy.setMode({ kind: 'pass' });
      await syncUntilClean(ta, 5);
    }
    await syncOnce(ta);
    await expectConverged(world, plan, made, [ta]);
  }, 180_000);
});

/** Spawns a device process on the data directory and kills it with SIGKILL once `when` sees its progress line. */
function killChildWhen(
  dataDir: string,
  when: (line: { pending: number; progress: { phase: string; done: number } | null }) => boolean,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/sync-child.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let killed = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!killed && line.startsWith('{') && when(JSON.parse(line))) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(true);
      else if (code === 0) resolve(false);
      else reject(new Error(`device process exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

describe('client killed with SIGKILL mid-sync', () => {
  it('mid-push and mid-pull: the reopened data directory syncs to the same state, nothing lost or doubled', async () => {
    world = await startSyncWorld('pglite', USERS, { inProcess: true });
    const { plan, made } = await publishedSite(world, 2100, ['ta', 'tb']);
    const ta = await world.device('Tom Alpha', 'technician', 'ta', 10_000);
    await syncOnce(ta);
    fieldWork(ta, plan, 600);
    made.push(...outboxOpIds(ta.core.databaseFile));
    ta.core.close();

    world.proxy.setMode({ kind: 'delay', ms: 100 });
    const killedInPush = await killChildWhen(ta.dataDir, (l) => l.progress?.phase === 'push' && l.progress.done > 0);
    expect(killedInPush).toBe(true);
    ta.reopen();
    expect(pendingOps(ta)).toBeGreaterThan(0);
    expect(pendingOps(ta)).toBeLessThan(made.length);

    // A second technician whose first pull (two pages of at most 2,000 changes) is cut short by the kill.
    const tb = await world.device('Tia Beta', 'technician', 'tb', 10_000);
    tb.core.close();
    const killedInPull = await killChildWhen(tb.dataDir, (l) => l.progress?.phase === 'pull' && l.progress.done >= 2000);
    expect(killedInPull).toBe(true);
    tb.reopen();

    world.proxy.setMode({ kind: 'pass' });
    await syncUntilClean(ta, 5);
    await syncUntilClean(tb, 5);
    await syncOnce(ta);
    await expectConverged(world, plan, made, [ta, tb]);
  }, 180_000);
});
