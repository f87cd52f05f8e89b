// A plan pulled from the central server cannot run code unasked: a release manager adds a command
// requirement and publishes; on the technician's device "Check this machine" does not run it (the
// canary file is never created) until the technician approves it, runs it after, and asks again
// when the release manager changes the command.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckJobStatus } from '../../shared/domain/check-run';
import { startTestServer, type TestServer } from '../support/central-server';
import type { TestCore } from '../support/temp-core';
import { openDevice, type Device } from './sync-client-fixture';

const PASSWORD = 'correct horse battery';

async function checkThisMachine(core: TestCore, siteId: string): Promise<CheckJobStatus> {
  const { jobId } = core.call('checks.checkThisMachine', { siteId });
  for (let i = 0; i < 1200; i++) {
    const status = core.call('checks.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the check did not end in 60 s');
}

describe('a pulled plan with a command requirement', () => {
  let server: TestServer;
  let rm: Device & { deploymentId?: string };
  let tech: Device;
  let siteId: string;
  const canary = path.join(os.tmpdir(), `outpost-pulled-canary-${randomBytes(6).toString('hex')}`);
  const canary2 = `${canary}-changed`;

  beforeAll(async () => {
    server = await startTestServer({ backend: 'pglite' });
    await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
    await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
    rm = openDevice({ sample: true });
    tech = openDevice();
    await rm.signIn(server.url, 'rita', PASSWORD);
    rm.core.call('requirements.create', {
      deploymentId: rm.deploymentId!,
      kind: 'command',
      description: 'POS agent answers',
      params: { command: `touch ${canary}` },
    });
    // A file requirement on a path that holds secrets is refused where the plan is written.
    const shadow = rm.core.dispatch('requirements.create', {
      deploymentId: rm.deploymentId!,
      kind: 'file',
      description: 'Shadow',
      params: { path: '/etc/shadow' },
    });
    expect(shadow).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(shadow)).toContain('/etc/shadow holds secrets');
    // Assigned by username (exactly a username grants access).
    siteId = rm.core.call('sites.list', { deploymentId: rm.deploymentId! })[0]!.id;
    rm.core.call('sites.update', { siteId, technicians: ['alex'] });
    rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
    expect(await rm.sync()).toEqual({ ok: true });
    await tech.signIn(server.url, 'alex', PASSWORD);
    const sites = await tech.core.callAsync('sync.serverSites', {});
    expect(sites.map((s) => s.siteId)).toContain(siteId);
    expect(await tech.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] })).toEqual({ ok: true });
  }, 120_000);

  afterAll(async () => {
    rm?.close();
    tech?.close();
    await server?.stop();
    for (const f of [canary, canary2]) fs.rmSync(f, { force: true });
  });

  it('does not run before approval, runs after it', async () => {
    const [pending] = tech.core.call('checks.approvalsNeeded', { siteId, thisMachine: true });
    expect(pending!.items).toEqual([
      expect.objectContaining({ kind: 'command', text: `touch ${canary}`, description: 'POS agent answers' }),
    ]);
    const before = await checkThisMachine(tech.core, siteId);
    expect(fs.existsSync(canary)).toBe(false);
    const run = tech.core.call('checks.run', { runId: before.hosts[0]!.runId! });
    expect(run.results.find((r) => r.kind === 'command')).toMatchObject({ status: 'skipped', actual: 'needs approval' });

    tech.core.call('checks.approveCommands', { siteId, approvals: [{ targetId: null, hash: pending!.hash }] });
    await checkThisMachine(tech.core, siteId);
    expect(fs.existsSync(canary)).toBe(true);
  }, 60_000);

  it('asks again after the release manager changes the command', async () => {
    const old = rm.core.call('requirements.list', { deploymentId: rm.deploymentId! }).find((r) => r.kind === 'command')!;
    rm.core.call('requirements.delete', { requirementId: old.id });
    rm.core.call('requirements.create', {
      deploymentId: rm.deploymentId!,
      kind: 'command',
      description: 'POS agent answers',
      params: { command: `touch ${canary2}` },
    });
    expect(await rm.sync()).toEqual({ ok: true });
    expect(await tech.sync()).toEqual({ ok: true });

    const [pending] = tech.core.call('checks.approvalsNeeded', { siteId, thisMachine: true });
    expect(pending!.items.map((i) => i.text)).toEqual([`touch ${canary2}`]);
    await checkThisMachine(tech.core, siteId);
    expect(fs.existsSync(canary2)).toBe(false);
  }, 60_000);
});
