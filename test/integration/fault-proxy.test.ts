import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomPlan, startFaultProxy, type FaultProxy } from '../support/fault-proxy';

/** An echo server that remembers what each connection sent it. */
async function startEcho(): Promise<{ port: number; received: Buffer[]; close(): Promise<void> }> {
  const received: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const index = received.push(Buffer.alloc(0)) - 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      received[index] = Buffer.concat([received[index]!, chunk]);
      socket.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface Exchange {
  data: Buffer;
  error?: string;
  closed: boolean;
  ms: number;
}

/** Connects through the proxy, writes `payload`, collects the answer until close or `waitMs`. */
function exchange(port: number, payload: string, waitMs = 300): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const socket = net.connect({ port, host: '127.0.0.1' });
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), ...(error ? { error } : {}), closed, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).length >= payload.length) finish(false);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => finish(true));
  });
}

describe('fault proxy', () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;
  let proxy: FaultProxy;
  beforeEach(async () => {
    echo = await startEcho();
    proxy = await startFaultProxy({ targetPort: echo.port });
  });
  afterEach(async () => {
    await proxy.close();
    await echo.close();
  });

  it('passes bytes both ways untouched', async () => {
    const r = await exchange(proxy.port, 'hello world');
    expect(r.data.toString()).toBe('hello world');
    expect(echo.received[0]!.toString()).toBe('hello world');
    expect(proxy.events()[0]).toMatchObject({ mode: { kind: 'pass' }, upBytes: 11, downBytes: 11, cut: false });
  });

  it('delays each direction', async () => {
    proxy.setMode({ kind: 'delay', ms: 120 });
    const r = await exchange(proxy.port, 'slow', 1000);
    expect(r.data.toString()).toBe('slow');
    expect(r.ms).toBeGreaterThanOrEqual(230);
  });

  it('drops a new connection before anything reaches the server', async () => {
    proxy.setMode({ kind: 'drop' });
    const r = await exchange(proxy.port, 'lost');
    expect(r.closed).toBe(true);
    expect(r.data.length).toBe(0);
    expect(echo.received.length).toBe(0);
  });

  it('cuts the request after N bytes: the server sees exactly N, the client sees the cut', async () => {
    proxy.setMode({ kind: 'cut_request', afterBytes: 5 });
    const r = await exchange(proxy.port, '0123456789');
    expect(r.closed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(echo.received[0]?.toString()).toBe('01234');
    expect(r.data.length).toBeLessThanOrEqual(5);
    expect(proxy.events()[0]).toMatchObject({ upBytes: 5, cut: true });
  });

  it('cuts the response after N bytes: the request arrived whole, the answer is lost', async () => {
    proxy.setMode({ kind: 'cut_response', afterBytes: 3 });
    const r = await exchange(proxy.port, '0123456789');
    expect(r.closed).toBe(true);
    expect(echo.received[0]!.toString()).toBe('0123456789');
    expect(r.data.toString()).toBe('012');
    expect(proxy.events()[0]).toMatchObject({ upBytes: 10, downBytes: 3, cut: true });
  });

  it('black-holes: accepts, never answers, never closes', async () => {
    proxy.setMode({ kind: 'blackhole' });
    const r = await exchange(proxy.port, 'anyone?', 250);
    expect(r.closed).toBe(false);
    expect(r.data.length).toBe(0);
    expect(echo.received.length).toBe(0);
  });

  it('refuses connections while offline and serves again once online', async () => {
    await proxy.goOffline();
    const refused = await exchange(proxy.port, 'x');
    expect(refused.error).toBe('ECONNREFUSED');
    await proxy.goOnline();
    expect((await exchange(proxy.port, 'back')).data.toString()).toBe('back');
  });

  it('applies queued one-off faults before the plan', async () => {
    proxy.queue({ kind: 'drop' }, { kind: 'cut_response', afterBytes: 0 });
    const a = await exchange(proxy.port, 'a1');
    const b = await exchange(proxy.port, 'b2');
    const c = await exchange(proxy.port, 'c3');
    expect([a.data.toString(), b.data.toString(), c.data.toString()]).toEqual(['', '', 'c3']);
    expect(echo.received.map(String)).toEqual(['b2', 'c3']);
  });

  it('a seeded random plan is reproducible and mixes the weighted kinds', () => {
    const plan = { seed: 42, weights: { pass: 2, delay: 1, drop: 1, cut_request: 1, cut_response: 1 } };
    const a = randomPlan(plan);
    const b = randomPlan(plan);
    const first = Array.from({ length: 200 }, () => a());
    expect(Array.from({ length: 200 }, () => b())).toEqual(first);
    const kinds = new Set(first.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['cut_request', 'cut_response', 'delay', 'drop', 'pass']);
    expect(first.some((m) => m.kind === 'blackhole')).toBe(false);
  });

  it('random plan drives live connections', async () => {
    proxy.setRandom({ seed: 7, weights: { pass: 1, cut_response: 1 }, maxCutBytes: 2 });
    const results = [];
    for (let i = 0; i < 12; i += 1) results.push(await exchange(proxy.port, `msg-${i}`));
    const cut = proxy.events().filter((e) => e.cut).length;
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(12);
    // Every connection's request reached the echo server whole.
    expect(echo.received.map(String)).toEqual(results.map((_, i) => `msg-${i}`));
  });
});
