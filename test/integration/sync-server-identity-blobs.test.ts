// Issue #10, parts 3 and 4, with scripted clients holding real tokens: a site names its technicians
// by user id (a display name never grants anything), and an attachment is served only to those who
// may read a row that references it, as a download (never as a page), within a per-device quota,
// and purged once nothing references it.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/sync/wire';
import { runAdminCommand } from '../../server/admin/admin-commands';
import { purgeBlobs } from '../../server/blobs/blob-purge';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { api, type ApiResponse } from '../support/wire-client';
import { expectAllApplied, op, PASSWORD, planOperations, sampleRow, signIn, type Device } from './sync-server-fixture';

const QUOTA_BYTES = 40_000;
const HOUR = 60 * 60 * 1000;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** One chunk upload, answered as is (no throw on refusal). */
async function upload(
  server: TestServer,
  device: Device,
  bytes: Buffer,
  mediaType: string,
  hash = sha(bytes),
): Promise<{ status: number; body: unknown }> {
  const path = `/v1/blobs/${hash}?offset=0&size=${bytes.length}&mediaType=${encodeURIComponent(mediaType)}`;
  const answer = await api(server.url, 'PUT', path, {
    rawBody: new Uint8Array(bytes),
    token: device.token,
    headers: { 'content-type': 'application/octet-stream' },
  });
  return { status: answer.status, body: answer.body };
}

/** The attachment's bytes as served (status, headers, body). */
function download(server: TestServer, device: Device, hash: string): Promise<ApiResponse<Buffer>> {
  return api<Buffer>(server.url, 'GET', `/v1/blobs/${hash}`, { token: device.token });
}

/** An issue at a site with one attachment. */
function issueWithAttachment(site: string, id: string, hash: string): Operation[] {
  return [
    op(
      'issues',
      'insert',
      sampleRow('issues', { id, site_id: site, severity: 'low', category: 'documentation', status: 'open', blocks_sign_off: 0 }),
    ),
    op('issue_attachments', 'insert', { event_id: `${id}-e`, issue_id: id, sha256: hash }, { partition: `site:${site}` }),
  ];
}

describe.each(SERVER_BACKENDS)('identities and attachments (%s)', (backend) => {
  let server: TestServer;
  let rita: Device;
  let alice: Device;
  let mallory: Device;
  let eve: Device;
  let bob: Device;
  const saved = { quota: process.env.OUTPOST_BLOB_QUOTA_MB, interval: process.env.OUTPOST_BLOB_PURGE_INTERVAL_MINUTES };

  beforeAll(async () => {
    process.env.OUTPOST_BLOB_QUOTA_MB = String(QUOTA_BYTES / (1024 * 1024));
    process.env.OUTPOST_BLOB_PURGE_INTERVAL_MINUTES = '0';
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
    await server.createUser({ username: 'alice', displayName: 'Alice Field', role: 'technician', password: PASSWORD });
    // Mallory took Alice's display name; Eve's display name is Alice's username.
    await server.createUser({ username: 'mallory', displayName: 'Alice Field', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'eve', displayName: 'alice', role: 'technician', password: PASSWORD });
    await server.createUser({ username: 'bob', displayName: 'Bob Builder', role: 'technician', password: PASSWORD });
    [rita, alice, mallory, eve, bob] = await Promise.all([
      signIn(server, 'rita'),
      signIn(server, 'alice'),
      signIn(server, 'mallory'),
      signIn(server, 'eve'),
      signIn(server, 'bob'),
    ]);
    expectAllApplied(
      await rita.push(
        planOperations('d1', [
          { id: 's1', technicians: [{ id: alice.userId, name: 'Alice Field' }] },
          { id: 's2', technicians: ['Alice Field'] }, // a display name, typed: grants nobody
          { id: 's3', technicians: ['alice'] }, // exactly a username: Alice
          { id: 's4', technicians: [{ id: bob.userId, name: 'Bob Builder' }] },
        ]),
      ),
    );
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    process.env.OUTPOST_BLOB_QUOTA_MB = saved.quota;
    process.env.OUTPOST_BLOB_PURGE_INTERVAL_MINUTES = saved.interval;
    if (saved.quota === undefined) delete process.env.OUTPOST_BLOB_QUOTA_MB;
    if (saved.interval === undefined) delete process.env.OUTPOST_BLOB_PURGE_INTERVAL_MINUTES;
  });

  it("assigns sites by user id: a display name equal to another user's name or username gets none of their sites", async () => {
    expect((await alice.partitions()).map((p) => p.partition)).toEqual(['deployment:d1', 'site:s1', 'site:s3']);
    expect(await mallory.partitions()).toEqual([]);
    expect(await eve.partitions()).toEqual([]);
    for (const device of [mallory, eve]) {
      for (const partition of ['site:s1', 'site:s2', 'site:s3', 'deployment:d1']) {
        expect((await device.request('POST', '/v1/sync/pull', { partition, after: 0 })).status, partition).toBe(403);
      }
      const [refused] = await device.push([
        op(
          'issues',
          'insert',
          sampleRow('issues', { id: `i-${device.userId}`, site_id: 's1', severity: 'low', category: 'documentation', status: 'open' }),
        ),
      ]);
      expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden' });
    }
    const assigned = await server.db.query<{ site_id: string; user_id: string }>(
      'SELECT site_id, user_id::text AS user_id FROM site_assignments ORDER BY site_id',
    );
    expect(assigned).toEqual([
      { site_id: 's1', user_id: alice.userId },
      { site_id: 's3', user_id: alice.userId },
      { site_id: 's4', user_id: bob.userId },
    ]);
  });

  it('refuses a technician entry that is neither a name nor a user', async () => {
    const [bad] = await rita.push([
      op(
        'sites',
        'update',
        { id: 's2', technicians: JSON.stringify([{ id: 'alice', name: 'Alice Field' }]) },
        { partition: 'site:s2', baseVersion: 1 },
      ),
    ]);
    expect(bad).toMatchObject({ status: 'rejected', code: 'invalid' });
  });

  it('lists the technicians to release managers for the picker, not to technicians', async () => {
    const listed = await rita.request('GET', '/v1/users');
    expect(listed.status).toBe(200);
    const users = (listed.body as { users: { id: string; username: string; displayName: string }[] }).users;
    expect(users.map((u) => u.username).sort()).toEqual(['alice', 'bob', 'eve', 'mallory']);
    expect(users.find((u) => u.username === 'alice')).toMatchObject({ id: alice.userId, displayName: 'Alice Field' });
    expect((await alice.request('GET', '/v1/users')).status).toBe(403);
  });

  it("does not let a technician reference or download another site's attachment by its hash", async () => {
    const photo = Buffer.from("bob's photo of rack 4 ".repeat(20));
    const hash = await bob.putBlob(photo, 'image/jpeg');
    expectAllApplied(await bob.push(issueWithAttachment('s4', 'iss-bob', hash)));
    expect((await download(server, rita, hash)).status).toBe(200);
    expect(await bob.request('GET', `/v1/blobs/${hash}/status`)).toMatchObject({
      status: 200,
      body: { complete: true, received: photo.length },
    });
    expect((await rita.request('GET', `/v1/blobs/${hash}/status`)).status).toBe(404); // status is the device's own upload

    // Alice knows the hash: the server has the blob, but she never sent its bytes.
    expect((await alice.request('GET', `/v1/blobs/${hash}/status`)).status).toBe(404);
    const results = await alice.push(issueWithAttachment('s1', 'iss-alice', hash));
    expect(results[0]).toMatchObject({ status: 'applied' });
    expect(results[1]).toMatchObject({
      status: 'rejected',
      code: 'blob_not_held',
      reason: expect.stringMatching(/not uploaded from this device/),
    });
    expect((await download(server, alice, hash)).status).toBe(404);
    expect((await alice.request('GET', `/v1/blobs/${hash}/status`)).status).toBe(404);

    // Other bytes under the same hash prove nothing.
    const forged = Buffer.alloc(photo.length, 0x41);
    expect(await upload(server, alice, forged, 'image/jpeg', hash)).toMatchObject({
      status: 422,
      body: { error: { code: 'hash_mismatch' } },
    });
    expect((await alice.push(issueWithAttachment('s1', 'iss-alice-2', hash)))[1]).toMatchObject({
      status: 'rejected',
      code: 'blob_not_held',
    });

    // A reference stored by an older server (no referencing device): the first uploader (Bob) may not write s1.
    await server.db.query('INSERT INTO blob_refs (sha256, partition) VALUES ($1, $2)', [hash, 'site:s1']);
    expect((await download(server, alice, hash)).status).toBe(404);
    await server.db.query('DELETE FROM blob_refs WHERE sha256 = $1 AND partition = $2', [hash, 'site:s1']);

    // Alice holding the same bytes uploads them herself (compared, not stored twice), then may use them.
    const proved = await upload(server, alice, photo, 'image/jpeg');
    expect(proved).toMatchObject({ status: 200, body: { complete: true, received: photo.length } });
    expect((await alice.push(issueWithAttachment('s1', 'iss-alice-3', hash)))[1]).toMatchObject({ status: 'applied' });
    expect((await download(server, alice, hash)).body.equals(photo)).toBe(true);
    const [chunks] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM blob_chunks WHERE sha256 = $1', [hash]);
    expect(chunks!.n).toBe(1);
  });

  it('serves attachments as downloads: an HTML upload comes back as octet-stream, attachment, nosniff', async () => {
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const html = await bob.putBlob(page, 'text/html');
    const png = await bob.putBlob(Buffer.from('\x89PNG not really'), 'image/png');
    expectAllApplied(
      await bob.push([
        ...issueWithAttachment('s4', 'iss-html', html),
        op('issue_attachments', 'insert', { event_id: 'iss-html-e2', issue_id: 'iss-html', sha256: png }, { partition: 'site:s4' }),
      ]),
    );
    const served = await download(server, rita, html);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/octet-stream');
    expect(served.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.body.equals(page)).toBe(true);
    const image = await download(server, rita, png);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it("refuses an upload over the device's quota with the reason (413)", async () => {
    const big = Buffer.alloc(QUOTA_BYTES - 2_000, 7);
    const refused = await upload(server, eve, Buffer.concat([big, Buffer.alloc(3_000, 1)]), 'application/pdf');
    expect(refused).toMatchObject({
      status: 413,
      body: { error: { code: 'quota_exceeded', message: expect.stringMatching(/may have .* MB/) } },
    });
    expect((await upload(server, eve, big, 'application/pdf')).status).toBe(200);
    const second = await upload(server, eve, Buffer.alloc(3_000, 2), 'application/pdf');
    expect(second).toMatchObject({ status: 413, body: { error: { code: 'quota_exceeded' } } });
    // Another device has its own quota.
    expect((await upload(server, mallory, Buffer.alloc(3_000, 2), 'application/pdf')).status).toBe(200);
  });

  it('purges an unreferenced blob after the grace period and keeps a referenced one', async () => {
    const orphanBytes = Buffer.from('uploaded, never referenced');
    const orphan = await bob.putBlob(orphanBytes, 'image/png');
    const usedBytes = Buffer.from('uploaded and referenced');
    const used = await bob.putBlob(usedBytes, 'image/png');
    expectAllApplied(await bob.push(issueWithAttachment('s4', 'iss-kept', used)));
    const exists = async (hash: string) => (await server.db.query('SELECT 1 FROM blobs WHERE sha256 = $1', [hash])).length === 1;
    const grace = 24 * HOUR;
    // Within the grace period nothing goes.
    expect(await purgeBlobs(server.db, { graceMs: grace, now: new Date(Date.now() + grace / 2) })).toMatchObject({ purged: 0 });
    expect([await exists(orphan), await exists(used)]).toEqual([true, true]);
    // After it, the upload no row references goes with its chunks; the referenced one stays.
    const result = await purgeBlobs(server.db, { graceMs: grace, now: new Date(Date.now() + grace + HOUR) });
    expect(result.purged).toBeGreaterThanOrEqual(1);
    expect([await exists(orphan), await exists(used)]).toEqual([false, true]);
    expect((await download(server, rita, used)).status).toBe(200);
    expect((await server.db.query('SELECT 1 FROM blob_chunks WHERE sha256 = $1', [orphan])).length).toBe(0);

    if (backend === 'postgresql') {
      // The command, on the server's database (PGlite's directory belongs to the running server): an upload left a day ago.
      const stale = await bob.putBlob(Buffer.from('left behind a day ago'), 'image/png');
      await server.db.query(
        "UPDATE blobs SET created_at = now() - interval '1 day', unreferenced_since = now() - interval '1 day' WHERE sha256 = $1",
        [stale],
      );
      const out: string[] = [];
      const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), readStdin: async () => '' };
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = server.location;
      try {
        expect(await runAdminCommand('purge-blobs', ['--grace-hours', '2'], io)).toBe(0);
      } finally {
        if (saved === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved;
      }
      expect(out.join('\n')).toMatch(/purged 1 unreferenced attachments/);
      expect([await exists(stale), await exists(used)]).toEqual([false, true]);
    }
  });
});
