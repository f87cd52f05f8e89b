import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOB_CHUNK_BYTES,
  healthResponseSchema,
  meResponseSchema,
  signInResponseSchema,
  SYNC_PROTOCOL_VERSION,
} from '../../shared/sync/wire';
import { LATEST_CENTRAL_SCHEMA_VERSION } from '../../migrations/central';
import { setUserDisabled } from '../../server/accounts/users';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { api, signIn } from '../support/wire-client';

const PASSWORD = 'a long enough password';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

describe.each(SERVER_BACKENDS)('central server over HTTP on %s', { timeout: 60_000 }, (backend) => {
  let server: TestServer;
  let tech: { token: string; deviceId: string };

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'tech', displayName: 'Tess Tech', role: 'technician', password: PASSWORD });
    tech = await signIn(server.url, 'tech', PASSWORD);
  }, 60_000);
  afterAll(async () => server?.stop());

  it('reports health, database kind and schema version', async () => {
    const response = await api(server.url, 'GET', '/health', { noProtocol: true });
    expect(response.status).toBe(200);
    expect(healthResponseSchema.parse(response.body)).toEqual({
      status: 'ok',
      database: backend,
      schemaVersion: LATEST_CENTRAL_SCHEMA_VERSION,
      protocolVersion: SYNC_PROTOCOL_VERSION,
      minClientProtocolVersion: 1,
    });
  });

  it('signs in and answers /v1/me for the new device', async () => {
    const response = await api(server.url, 'POST', '/v1/auth/sign-in', {
      body: { username: 'tech', password: PASSWORD, deviceName: 'field laptop', protocolVersion: SYNC_PROTOCOL_VERSION },
    });
    expect(response.status).toBe(200);
    const signedIn = signInResponseSchema.parse(response.body);
    expect(signedIn.user).toMatchObject({ username: 'tech', displayName: 'Tess Tech', role: 'technician' });
    const [stored] = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = $1', [signedIn.deviceId]);
    expect(stored?.token_hash).toBe(createHash('sha256').update(signedIn.token).digest('hex'));
    const me = await api(server.url, 'GET', '/v1/me', { token: signedIn.token });
    expect(me.status).toBe(200);
    expect(meResponseSchema.parse(me.body)).toMatchObject({
      deviceId: signedIn.deviceId,
      deviceName: 'field laptop',
      user: { username: 'tech' },
    });
  });

  it('gives a wrong password and an unknown user the same answer', async () => {
    const wrong = await api(server.url, 'POST', '/v1/auth/sign-in', {
      body: { username: 'tech', password: 'not the password', deviceName: 'x', protocolVersion: 1 },
    });
    const unknown = await api(server.url, 'POST', '/v1/auth/sign-in', {
      body: { username: 'nobody', password: 'whatever it is', deviceName: 'x', protocolVersion: 1 },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(errorCode(wrong.body)).toBe('bad_credentials');
  });

  it('rate-limits sign-in after five failures for a user name, even with the right password', async () => {
    await server.createUser({ username: 'target', role: 'technician', password: PASSWORD });
    for (let i = 0; i < 5; i += 1) {
      const attempt = await api(server.url, 'POST', '/v1/auth/sign-in', {
        body: { username: 'target', password: `guess number ${i}`, deviceName: 'x', protocolVersion: 1 },
      });
      expect(attempt.status).toBe(401);
    }
    const limited = await api(server.url, 'POST', '/v1/auth/sign-in', {
      body: { username: 'target', password: PASSWORD, deviceName: 'x', protocolVersion: 1 },
    });
    expect(limited.status).toBe(429);
    expect(errorCode(limited.body)).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const [issued] = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM devices d JOIN users u ON u.id = d.user_id WHERE u.username = 'target'",
    );
    expect(issued?.n).toBe(0);
    // The limit is per user name: others still sign in.
    expect((await signIn(server.url, 'tech', PASSWORD)).token).toBeTruthy();
  });

  it('refuses a signed-out (revoked) device and a disabled user', async () => {
    const device = await signIn(server.url, 'tech', PASSWORD, 'to be signed out');
    const out = await api(server.url, 'POST', '/v1/auth/sign-out', { token: device.token });
    expect(out.status).toBe(204);
    const after = await api(server.url, 'GET', '/v1/me', { token: device.token });
    expect(after.status).toBe(401);
    expect(errorCode(after.body)).toBe('device_revoked');

    await server.createUser({ username: 'leaver', role: 'technician', password: PASSWORD });
    const leaver = await signIn(server.url, 'leaver', PASSWORD);
    await setUserDisabled(server.db, 'leaver', true);
    const refused = await api(server.url, 'GET', '/v1/me', { token: leaver.token });
    expect(refused.status).toBe(401);
    expect(errorCode(refused.body)).toBe('unauthorized');
    const again = await api(server.url, 'POST', '/v1/auth/sign-in', {
      body: { username: 'leaver', password: PASSWORD, deviceName: 'x', protocolVersion: 1 },
    });
    expect(again.status).toBe(401);
  });

  it('refuses requests without a token or with a forged one', async () => {
    expect(errorCode((await api(server.url, 'GET', '/v1/me')).body)).toBe('unauthorized');
    const forged = await api(server.url, 'GET', '/v1/me', { token: randomBytes(32).toString('base64url') });
    expect(forged.status).toBe(401);
    expect(errorCode(forged.body)).toBe('unauthorized');
  });

  it('answers 426 client_too_old when the protocol header is missing or too old, before authentication', async () => {
    const variants: Record<string, string>[] = [{}, { 'x-outpost-protocol': '0' }, { 'x-outpost-protocol': 'banana' }];
    for (const headers of variants) {
      const response = await api(server.url, 'POST', '/v1/sync/push', { noProtocol: true, headers, token: tech.token, body: {} });
      expect(response.status).toBe(426);
      expect(response.body).toEqual({
        error: { code: 'client_too_old', message: 'This Outpost is too old for the server: update it. Your unsent changes are kept.' },
      });
    }
    const oldBody = await api(server.url, 'POST', '/v1/auth/sign-in', {
      body: { username: 'tech', password: PASSWORD, deviceName: 'x', protocolVersion: 0 },
    });
    expect(oldBody.status).toBe(426);
  });

  it('answers malformed JSON, schema failures, oversized bodies and unknown routes with the error shape', async () => {
    const malformed = await api(server.url, 'POST', '/v1/auth/sign-in', { rawBody: '{"username": "tech",' });
    expect(malformed.status).toBe(400);
    expect(errorCode(malformed.body)).toBe('malformed_json');

    const invalid = await api(server.url, 'POST', '/v1/auth/sign-in', {
      body: { username: 'tech', password: PASSWORD, protocolVersion: 1, extra: true },
    });
    expect(invalid.status).toBe(400);
    expect(errorCode(invalid.body)).toBe('validation');
    expect((invalid.body as { error: { issues: unknown[] } }).error.issues.length).toBeGreaterThan(0);

    const huge = await api(server.url, 'POST', '/v1/auth/sign-in', {
      rawBody: JSON.stringify({ username: 'tech', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(errorCode(huge.body)).toBe('too_large');

    const hugePush = await api(server.url, 'POST', '/v1/sync/push', {
      token: tech.token,
      rawBody: JSON.stringify({ pad: 'x'.repeat(1400 * 1024) }),
    });
    expect(hugePush.status).toBe(413);

    const missing = await api(server.url, 'GET', '/nowhere');
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('not_found');
  });

  it('uploads an attachment in chunks, resumes from the status, and serves it to its uploader only', async () => {
    const bytes = randomBytes(BLOB_CHUNK_BYTES * 2 + 1000);
    const hash = sha(bytes);
    const put = (offset: number, end: number, token = tech.token) =>
      api(server.url, 'PUT', `/v1/blobs/${hash}?offset=${offset}&size=${bytes.length}&mediaType=image/jpeg`, {
        token,
        rawBody: bytes.subarray(offset, end),
        headers: { 'content-type': 'application/octet-stream' },
      });
    expect((await api(server.url, 'GET', `/v1/blobs/${hash}/status`, { token: tech.token })).status).toBe(404);
    const first = await put(0, BLOB_CHUNK_BYTES);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: BLOB_CHUNK_BYTES, complete: false });

    // "Interrupted": the client lost track; it asks the status and continues from there.
    const status = await api<{ received: number }>(server.url, 'GET', `/v1/blobs/${hash}/status`, { token: tech.token });
    expect(status.body.received).toBe(BLOB_CHUNK_BYTES);
    const wrongOffset = await put(0, BLOB_CHUNK_BYTES);
    expect(wrongOffset.status).toBe(409);
    expect(errorCode(wrongOffset.body)).toBe('offset_mismatch');
    expect((wrongOffset.body as { status: { received: number } }).status.received).toBe(BLOB_CHUNK_BYTES);

    const tooBig = await api(server.url, 'PUT', `/v1/blobs/${hash}?offset=${BLOB_CHUNK_BYTES}&size=${bytes.length}&mediaType=image/jpeg`, {
      token: tech.token,
      rawBody: randomBytes(BLOB_CHUNK_BYTES + 1),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(tooBig.status).toBe(413);

    expect((await put(BLOB_CHUNK_BYTES, BLOB_CHUNK_BYTES * 2)).status).toBe(200);
    const last = await put(BLOB_CHUNK_BYTES * 2, bytes.length);
    expect(last.body).toMatchObject({ sha256: hash, size: bytes.length, received: bytes.length, complete: true, mediaType: 'image/jpeg' });

    const download = await api<Buffer>(server.url, 'GET', `/v1/blobs/${hash}`, { token: tech.token });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(sha(download.body)).toBe(hash);

    // Another user's device: the blob is referenced by no partition it may read.
    await server.createUser({ username: 'other', role: 'technician', password: PASSWORD });
    const other = await signIn(server.url, 'other', PASSWORD);
    expect((await api(server.url, 'GET', `/v1/blobs/${hash}`, { token: other.token })).status).toBe(404);
  });

  it('discards an upload whose bytes do not match its SHA-256', async () => {
    const bytes = randomBytes(3000);
    const claimed = sha(randomBytes(10));
    const response = await api(server.url, 'PUT', `/v1/blobs/${claimed}?offset=0&size=${bytes.length}&mediaType=application/pdf`, {
      token: tech.token,
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(response.status).toBe(422);
    expect(errorCode(response.body)).toBe('hash_mismatch');
    expect(await server.db.query('SELECT sha256 FROM blobs WHERE sha256 = $1', [claimed])).toEqual([]);
    expect(await server.db.query('SELECT sha256 FROM blob_chunks WHERE sha256 = $1', [claimed])).toEqual([]);
    expect((await api(server.url, 'GET', `/v1/blobs/${claimed}/status`, { token: tech.token })).status).toBe(404);
  });

  it('replaces an unfinished upload that claimed another size when a new one starts from zero', async () => {
    const bytes = randomBytes(5000);
    const hash = sha(bytes);
    const put = (offset: number, size: number, chunk: Uint8Array) =>
      api(server.url, 'PUT', `/v1/blobs/${hash}?offset=${offset}&size=${size}&mediaType=image/png`, {
        token: tech.token,
        rawBody: chunk,
        headers: { 'content-type': 'application/octet-stream' },
      });
    expect((await put(0, 9000, randomBytes(1000))).status).toBe(200);
    const resumeOther = await put(1000, bytes.length, bytes.subarray(1000, 2000));
    expect(resumeOther.status).toBe(409);
    expect(errorCode(resumeOther.body)).toBe('size_mismatch');
    expect((await put(0, bytes.length, bytes.subarray(0, 2500))).body).toMatchObject({
      received: 2500,
      size: bytes.length,
      complete: false,
    });
    expect((await put(2500, bytes.length, bytes.subarray(2500))).body).toMatchObject({ received: bytes.length, complete: true });
    const download = await api<Buffer>(server.url, 'GET', `/v1/blobs/${hash}`, { token: tech.token });
    expect(sha(download.body)).toBe(hash);
  });
});
