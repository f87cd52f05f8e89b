import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../launcher/commands/verify-command';
import { startTestServer, type TestServer } from '../support/central-server';
import { signSite } from '../support/signoff-fixtures';
import { openSampleCore, tempDataDir, type TestCore } from '../support/temp-core';
import { previewText } from './site-report-fixture';
import { assignUser, count, openDevice, type Device } from './sync-client-fixture';

// `outpost verify` names the registered user and device behind a sheet's key, learnt from the
// central server at sync; a sheet signed by a key nobody registered is an unverified signer
// (exit 1 unless --allow-unregistered). A device signed in before keys were registered registers
// its key on its next sync.

const PASSWORD = 'correct horse battery';
let server: TestServer;
let rm: Device & { deploymentId?: string };
let tech: Device;
let stranger: TestCore;
let signedSiteId: string;
const files = tempDataDir('outpost-verify-signer');

async function verify(...args: string[]) {
  const lines: string[] = [];
  const code = await verifyCommand.run(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, output: lines.join('\n') };
}

function writeSheet(core: TestCore, sheetId: string, name: string): string {
  const file = path.join(files, name);
  fs.writeFileSync(file, JSON.stringify(core.call('signoff.get', { sheetId })));
  return file;
}

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
  const alex = await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
  rm = openDevice({ sample: true });
  tech = openDevice();
  stranger = openSampleCore().core;
  await rm.signIn(server.url, 'rita', PASSWORD);
  assignUser(rm, rm.deploymentId!, 'Alex Morgan', alex);
  rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
  expect(await rm.sync()).toEqual({ ok: true });
  await tech.core.callAsync('sync.signIn', { serverUrl: server.url, username: 'alex', password: PASSWORD, deviceName: "Alex's laptop" });
  await tech.core.syncEngine.idle();
}, 120_000);

afterAll(async () => {
  rm?.close();
  tech?.close();
  stranger?.close();
  await server?.stop();
});

describe('outpost verify and registered device keys', () => {
  it('says a sheet signed by an unregistered key is from an unverified signer and exits 1 (0 with --allow-unregistered)', async () => {
    const site = stranger.call('sites.list', { deploymentId: stranger.call('deployments.list', {})[0]!.id })[0]!;
    const { sheet } = signSite(stranger, site.id, { decision: 'accepted_with_exceptions' });
    const file = writeSheet(stranger, sheet.id, 'fresh-key.json');
    const refused = await verify(file, '--data-dir', rm.core.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('signer:     key not registered: unverified signer');
    expect(refused.output).toMatch(/UNVERIFIED: the signature holds, but key SHA256:[0-9a-f]{64} is not registered/);
    expect(refused.output).not.toMatch(/^VALID$/m);
    const allowed = await verify(file, '--data-dir', rm.core.dataDir, '--allow-unregistered');
    expect(allowed.code).toBe(0);
    expect(allowed.output).toContain('VALID (key not registered: unverified signer');
    // No data directory at all: nothing is registered either.
    expect((await verify(file, '--data-dir', path.join(files, 'nowhere'))).code).toBe(1);
  });

  it('names the user and device whose registered key signed, on another desktop once it has synced', async () => {
    const siteId = rm.core.call('sites.list', { deploymentId: rm.deploymentId! })[0]!.id;
    signedSiteId = siteId;
    const { sheet } = signSite(rm.core, siteId, { decision: 'accepted_with_exceptions' });
    expect(await rm.sync()).toEqual({ ok: true });
    expect(rm.core.call('sync.status', {}), JSON.stringify(rm.core.call('sync.conflicts', {}))).toMatchObject({
      pendingOperations: 0,
      conflicts: 0,
    });
    const file = writeSheet(rm.core, sheet.id, 'registered.json');
    expect(await tech.sync()).toEqual({ ok: true }); // the technician's desktop learns the registered keys
    const today = new Date().toISOString().slice(0, 10);
    const { code, output } = await verify(file, '--data-dir', tech.core.dataDir);
    expect(output).toContain(`signer:     signed by Rita Manager on device 'rita laptop', key registered ${today}`);
    expect(output.trim().endsWith('VALID')).toBe(true);
    expect(code).toBe(0);
  });

  it('names the registered signer of a site report file and imports it without asking for the fingerprint', () => {
    const exported = rm.core.call('siteReports.exportFile', { siteId: signedSiteId });
    const preview = previewText(tech.core, exported.fileName, exported.content);
    expect(preview.problems).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(preview.device).toMatchObject({
      known: true,
      keyStatus: 'registered',
      signer: `signed by Rita Manager on device 'rita laptop', key registered ${today}`,
    });
    const imported = tech.core.call('siteReports.importFile', { previewId: preview.previewId });
    expect(imported).toMatchObject({ deviceWasKnown: true });
    expect(count(tech.db, 'SELECT 1 FROM confirmed_device_keys')).toBe(0); // nothing to confirm: the key is registered
  });

  it('registers the key on the next sync of a device signed in before keys were registered', async () => {
    const deviceId = tech.core.call('sync.status', {}).account!.deviceId;
    await server.db.query('DELETE FROM device_keys WHERE device_id = $1', [deviceId]);
    tech.db.prepare('DELETE FROM registered_device_keys').run();
    expect(await tech.sync()).toEqual({ ok: true });
    const [row] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM device_keys WHERE device_id = $1', [deviceId]);
    expect(row!.n).toBe(1);
    expect(count(tech.db, 'SELECT 1 FROM registered_device_keys WHERE device_id = ?', deviceId)).toBe(1);
    expect(count(tech.db, 'SELECT 1 FROM registered_device_keys')).toBe(2); // rita's and alex's
  });
});
