// Device signing keys on the server, with scripted clients: a key is registered at sign-in or later
// with proof of possession, belongs to one user, never changes for a device, and is listed with its
// user and device; a pushed sign-off sheet must carry the pushing device's registered key. Also:
// a disabled account's refusal does not say whether the password was right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceKeysResponseSchema } from '../../shared/sync/device-key-wire';
import { SYNC_PROTOCOL_VERSION } from '../../shared/sync/wire';
import { setUserDisabled } from '../../server/accounts/users';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { api } from '../support/wire-client';
import {
  expectAllApplied,
  keyRegistration,
  newSigningKey,
  op,
  PASSWORD,
  planOperations,
  sampleRow,
  signedSheetRow,
  signIn,
  type Device,
} from './sync-server-fixture';

describe.each(SERVER_BACKENDS)('device signing keys (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;
  let alice: Device;
  let bob: Device;

  const images = new Map<string, string>();
  const sheet = (id: string, site: string) =>
    sampleRow('sign_off_sheets', { id, deployment_id: 'd1', site_id: site, signature_image_sha256: images.get(site)! });

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', displayName: 'Rita Release', role: 'release_manager', password: PASSWORD });
    await server.createUser({ username: 'alice', displayName: 'Alice Field', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'bob', displayName: 'Bob Builder', role: 'technician', password: PASSWORD });
    rita = await signIn(server, 'rita');
    alice = await signIn(server, 'alice', "Alice's laptop");
    bob = await signIn(server, 'bob', "Bob's laptop", { registerKey: false });
    expectAllApplied(
      await rita.push(
        planOperations('d1', [
          { id: 's1', technicians: ['alice'] },
          { id: 's2', technicians: ['bob'] },
        ]),
      ),
    );
    images.set('s1', await alice.putBlob(Buffer.from("Alice's signer's signature")));
    images.set('s2', await bob.putBlob(Buffer.from("Bob's signer's signature")));
  }, 120_000);
  afterAll(async () => server?.stop());

  it('lists the keys registered at sign-in with their user and device', async () => {
    const answer = await bob.request('GET', '/v1/device-keys');
    expect(answer.status).toBe(200);
    const { keys } = deviceKeysResponseSchema.parse(answer.body);
    const alices = keys.find((k) => k.fingerprint === alice.key.fingerprint);
    expect(alices).toMatchObject({
      username: 'alice',
      displayName: 'Alice Field',
      deviceId: alice.deviceId,
      deviceName: "Alice's laptop",
      publicKey: alice.key.publicKey,
      deviceRevokedAt: null,
    });
    expect(Date.parse(alices!.registeredAt)).toBeGreaterThan(Date.now() - 120_000);
    expect(keys.some((k) => k.deviceId === bob.deviceId)).toBe(false);
    expect((await api(server.url, 'GET', '/v1/device-keys')).status).toBe(401);
  });

  it('refuses a sheet from a device that registered no key, then accepts it once the key is registered', async () => {
    const signed = op('sign_off_sheets', 'insert', signedSheetRow(sheet('sheet-bob', 's2'), bob.key));
    const [refused] = await bob.push([signed]);
    expect(refused).toMatchObject({
      status: 'rejected',
      code: 'unregistered_key',
      reason: expect.stringContaining('not the signing key this device registered'),
    });

    const badProof = { ...keyRegistration(bob.key, 'bob'), proof: keyRegistration(bob.key, 'alice').proof };
    expect(await bob.request('POST', '/v1/devices/signing-key', badProof)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_key' } },
    });
    const registered = await bob.request('POST', '/v1/devices/signing-key', keyRegistration(bob.key, 'bob'));
    expect(registered).toMatchObject({
      status: 200,
      body: { key: { fingerprint: bob.key.fingerprint, username: 'bob', deviceName: "Bob's laptop" } },
    });
    expect((await bob.request('POST', '/v1/devices/signing-key', keyRegistration(bob.key, 'bob'))).status).toBe(200); // idempotent
    expect(await bob.request('POST', '/v1/devices/signing-key', keyRegistration(newSigningKey(), 'bob'))).toMatchObject({
      status: 409,
      body: { error: { code: 'key_changed' } },
    });

    const [applied] = await bob.push([{ ...signed, opId: op('sign_off_sheets', 'insert', {}).opId }]);
    expect(applied).toMatchObject({ status: 'applied' });
  });

  it("refuses a sheet signed with a fresh key or with another device's registered key", async () => {
    const fresh = await alice.push([op('sign_off_sheets', 'insert', signedSheetRow(sheet('sheet-fresh', 's1'), newSigningKey()))]);
    expect(fresh[0]).toMatchObject({ status: 'rejected', code: 'unregistered_key' });
    const borrowed = await alice.push([op('sign_off_sheets', 'insert', signedSheetRow(sheet('sheet-borrowed', 's1'), bob.key))]);
    expect(borrowed[0]).toMatchObject({ status: 'rejected', code: 'unregistered_key' });

    const own = signedSheetRow(sheet('sheet-mixed', 's1'), alice.key);
    const other = signedSheetRow(sheet('sheet-mixed', 's1'), bob.key);
    const forged = await alice.push([op('sign_off_sheets', 'insert', { ...own, device_signature: String(other.device_signature) })]);
    expect(forged[0]).toMatchObject({ status: 'rejected', code: 'bad_signature', reason: expect.stringContaining('does not verify') });
    const swappedJson = await alice.push([op('sign_off_sheets', 'insert', { ...own, sheet_json: String(other.sheet_json) })]);
    expect(swappedJson[0]).toMatchObject({ status: 'rejected', code: 'bad_signature', reason: expect.stringContaining('sheet_json') });

    expect(await alice.push([op('sign_off_sheets', 'insert', own)])).toMatchObject([{ status: 'applied' }]);
    const [rows] = [await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM docs WHERE entity = 'sign_off_sheets'")];
    expect(rows[0]!.n).toBe(2); // bob's and alice's honest sheets only
  });

  it("refuses another user's key at sign-in and for registration", async () => {
    await server.createUser({ username: 'carol', role: 'technician', password: PASSWORD });
    await expect(signIn(server, 'carol', 'borrowed laptop', { key: alice.key })).rejects.toThrow(/key_taken/);
    const carol = await signIn(server, 'carol', 'carol laptop', { registerKey: false });
    expect(await carol.request('POST', '/v1/devices/signing-key', keyRegistration(alice.key, 'carol'))).toMatchObject({
      status: 409,
      body: { error: { code: 'key_taken' } },
    });
    // The same user signing in again on the same laptop registers the key for the new device.
    const again = await signIn(server, 'alice', "Alice's laptop", { key: alice.key });
    const { keys } = deviceKeysResponseSchema.parse((await again.request('GET', '/v1/device-keys')).body);
    expect(
      keys
        .filter((k) => k.fingerprint === alice.key.fingerprint)
        .map((k) => k.deviceId)
        .sort(),
    ).toEqual([alice.deviceId, again.deviceId].sort());
  });

  it("answers a disabled account's right and wrong password alike", async () => {
    await server.createUser({ username: 'dave', role: 'technician', password: PASSWORD });
    await setUserDisabled(server.db, 'dave', true);
    const attempt = async (password: string) => {
      const answer = await api(server.url, 'POST', '/v1/auth/sign-in', {
        body: { username: 'dave', password, deviceName: 'x', protocolVersion: SYNC_PROTOCOL_VERSION },
      });
      return { status: answer.status, body: answer.body };
    };
    const right = await attempt(PASSWORD);
    const wrong = await attempt('not the password at all');
    expect(right).toEqual(wrong);
    expect(right).toMatchObject({ status: 401, body: { error: { code: 'bad_credentials' } } });
  });
});
