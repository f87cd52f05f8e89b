import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SERVER_BACKENDS, startTestServer } from '../support/central-server';
import { api, signIn } from '../support/wire-client';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// A streamed attachment can reach its client whole before the server has finished the response;
// the keep-alive connection turns idle only after close() began. Before the idle sweep
// (server/http/create-http-server.ts) the server waited on it until the client let go (a hung stop).
describe.each(SERVER_BACKENDS)('server stop right after a download (%s)', (backend) => {
  it('returns promptly', async () => {
    const server = await startTestServer({ backend });
    let stopped = false;
    try {
      await server.createUser({ username: 'tech', role: 'technician', password: 'pw-close-1234' });
      const tech = await signIn(server.url, 'tech', 'pw-close-1234');
      const bytes = randomBytes(5000);
      const hash = sha(bytes);
      const put = (offset: number, chunk: Uint8Array) =>
        api(server.url, 'PUT', `/v1/blobs/${hash}?offset=${offset}&size=${bytes.length}&mediaType=image/png`, {
          token: tech.token,
          rawBody: chunk,
          headers: { 'content-type': 'application/octet-stream' },
        });
      expect((await put(0, bytes.subarray(0, 2500))).status).toBe(200);
      expect((await put(2500, bytes.subarray(2500))).status).toBe(200);
      const download = await api<Buffer>(server.url, 'GET', `/v1/blobs/${hash}`, { token: tech.token });
      expect(sha(download.body)).toBe(hash);
      const started = Date.now();
      await Promise.race([server.stop().then(() => (stopped = true)), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      expect(stopped, `stopped within ${Date.now() - started} ms`).toBe(true);
    } finally {
      if (!stopped) await server.stop();
    }
  }, 60_000);
});
