import net from 'node:net';
import { seededRandom } from '../../core/sample/seeded-random';

/**
 * A TCP proxy on 127.0.0.1 between a client and a server, with switchable faults (issue #4, fault
 * injection). The behaviour is chosen once per accepted connection: from a queue of one-off faults
 * (`queue`), else from the current plan (`setMode` for one fixed behaviour, `setRandom` for a seeded
 * random mix). An HTTP client with keep-alive reuses a connection, so a fault applies to every
 * request on its connection until it cuts it.
 */
export type FaultMode =
  /** Bytes flow both ways untouched. */
  | { kind: 'pass' }
  /** Every chunk, both ways, is held back this long (order kept). Open pass/delay connections follow a later `setMode` delay. */
  | { kind: 'delay'; ms: number }
  /** The connection is accepted and reset at once (the client sees ECONNRESET before sending anything). */
  | { kind: 'drop' }
  /** The first `afterBytes` bytes of the request reach the server, then both sides are cut. */
  | { kind: 'cut_request'; afterBytes: number }
  /** The request reaches the server whole; `afterBytes` bytes of its response reach the client, then both sides are cut. */
  | { kind: 'cut_response'; afterBytes: number }
  /** Accepted and read, never answered, never closed (until the proxy closes or the client gives up). */
  | { kind: 'blackhole' };

export interface RandomFaults {
  seed: number;
  /** Relative weights; missing ones are 0. */
  weights: Partial<Record<FaultMode['kind'], number>>;
  /** For `delay`: chosen in [min, max] ms. Default [5, 50]. */
  delayMs?: [number, number];
  /** For the cuts: the byte offset is chosen in [0, max]. Default 400. */
  maxCutBytes?: number;
  /**
   * A connection quiet this long both ways is closed by the proxy (default 30 ms), so a client's
   * keep-alive connection does not carry one draw for ever: nearly every request gets its own.
   */
  idleCloseMs?: number;
}

export interface FaultEvent {
  connection: number;
  mode: FaultMode;
  /** Request bytes that reached the server, response bytes that reached the client. */
  upBytes: number;
  downBytes: number;
  /** Whether the proxy cut the connection (as opposed to a side closing it). */
  cut: boolean;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Where the connections go; may change (a restarted server on another port). */
  setTarget(port: number, host?: string): void;
  /** One behaviour for every new connection (clears a random plan); a fault mode cuts the open connections. */
  setMode(mode: FaultMode): void;
  /** A seeded random behaviour per new connection (open connections are cut; idle ones are closed, see `idleCloseMs`). */
  setRandom(plan: RandomFaults): void;
  /** These behaviours for the next connections, in order, before the plan resumes. */
  queue(...modes: FaultMode[]): void;
  /** Stops listening: new connections are refused (ECONNREFUSED); open ones are cut. */
  goOffline(): Promise<void>;
  /** Listens again on the same port. */
  goOnline(): Promise<void>;
  /** Cuts every open connection now. */
  cutAll(): void;
  /** One entry per connection, in accept order (finished ones and open ones). */
  events(): readonly FaultEvent[];
  close(): Promise<void>;
}

export async function startFaultProxy(options: { targetPort: number; targetHost?: string; port?: number }): Promise<FaultProxy> {
  let targetPort = options.targetPort;
  let targetHost = options.targetHost ?? '127.0.0.1';
  let plan: (() => FaultMode) | null = null;
  let idleCloseMs = 0;
  let fixed: FaultMode = { kind: 'pass' };
  const pending: FaultMode[] = [];
  const log: FaultEvent[] = [];
  const open = new Set<() => void>();
  let connections = 0;

  const choose = (): FaultMode => pending.shift() ?? (plan ? plan() : fixed);

  const handle = (client: net.Socket) => {
    const mode = choose();
    const event: FaultEvent = { connection: ++connections, mode, upBytes: 0, downBytes: 0, cut: false };
    log.push(event);
    client.on('error', () => undefined);
    if (mode.kind === 'drop') {
      event.cut = true;
      client.resetAndDestroy();
      return;
    }
    if (mode.kind === 'blackhole') {
      client.on('data', () => undefined);
      const kill = () => client.destroy();
      open.add(kill);
      client.on('close', () => open.delete(kill));
      return;
    }
    const server = net.connect({ port: targetPort, host: targetHost });
    server.on('error', () => client.destroy());
    const cut = () => {
      event.cut = true;
      client.resetAndDestroy();
      server.destroy();
    };
    open.add(cut);
    const closeBoth = () => {
      open.delete(cut);
      client.destroy();
      server.destroy();
    };
    client.on('close', closeBoth);
    server.on('close', closeBoth);
    let idle: NodeJS.Timeout | null = null;
    const quiet = idleCloseMs;
    const touch = () => {
      if (quiet <= 0) return;
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => {
        client.end();
        server.end();
      }, quiet);
    };
    client.on('close', () => idle && clearTimeout(idle));
    touch();
    // A pass or delay connection follows later `setMode` delays (keep-alive connections outlive a mode change).
    const follows = mode.kind === 'pass' || mode.kind === 'delay';
    const delayNow = () => (follows && !plan ? (fixed.kind === 'delay' ? fixed.ms : 0) : mode.kind === 'delay' ? mode.ms : 0);
    let lastDue = 0;
    const send = (to: net.Socket, chunk: Buffer) => {
      const delay = delayNow();
      if (delay <= 0 && lastDue <= Date.now()) {
        to.write(chunk);
        return;
      }
      // Never overtake a chunk still held back.
      const due = Math.max(Date.now() + delay, lastDue);
      lastDue = due;
      setTimeout(() => to.destroyed || to.write(chunk), due - Date.now());
    };
    client.on('data', (chunk: Buffer) => {
      touch();
      if (mode.kind === 'cut_request') {
        const room = mode.afterBytes - event.upBytes;
        if (room <= chunk.length) {
          event.upBytes += Math.max(0, room);
          if (room > 0) server.write(chunk.subarray(0, room), cut);
          else cut();
          return;
        }
      }
      event.upBytes += chunk.length;
      send(server, chunk);
    });
    server.on('data', (chunk: Buffer) => {
      touch();
      if (mode.kind === 'cut_response') {
        const room = mode.afterBytes - event.downBytes;
        if (room <= chunk.length) {
          event.downBytes += Math.max(0, room);
          if (room > 0) client.write(chunk.subarray(0, room), cut);
          else cut();
          return;
        }
      }
      event.downBytes += chunk.length;
      send(client, chunk);
    });
    const endLater = (to: net.Socket) => () => {
      const wait = Math.max(delayNow(), lastDue - Date.now());
      if (wait > 0) setTimeout(() => to.end(), wait);
      else to.end();
    };
    client.on('end', endLater(server));
    server.on('end', endLater(client));
  };

  let listener = net.createServer(handle);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(port, '127.0.0.1', () => {
        listener.off('error', reject);
        resolve((listener.address() as net.AddressInfo).port);
      });
    });
  const port = await listen(options.port ?? 0);
  const cutAll = () => {
    for (const kill of [...open]) kill();
  };
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listener.listening) return resolve();
      listener.close(() => resolve());
      cutAll();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setTarget(nextPort, host) {
      targetPort = nextPort;
      if (host) targetHost = host;
    },
    setMode(mode) {
      const wasRandom = plan !== null;
      plan = null;
      idleCloseMs = 0;
      fixed = mode;
      // Open keep-alive connections would carry on as before: a fault mode (or the end of a random plan) starts on fresh ones.
      if (wasRandom || (mode.kind !== 'pass' && mode.kind !== 'delay')) cutAll();
    },
    setRandom(random) {
      plan = randomPlan(random);
      idleCloseMs = random.idleCloseMs ?? 30;
      cutAll();
    },
    queue: (...modes) => void pending.push(...modes),
    goOffline: stopListening,
    async goOnline() {
      if (listener.listening) return;
      listener = net.createServer(handle);
      await listen(port);
    },
    cutAll,
    events: () => log,
    close: stopListening,
  };
}

/** The behaviour picker of a seeded random plan (exported for tests and for reproducing a seed). */
export function randomPlan(random: RandomFaults): () => FaultMode {
  const rng = seededRandom(random.seed);
  const [minDelay, maxDelay] = random.delayMs ?? [5, 50];
  const maxCut = random.maxCutBytes ?? 400;
  const kinds = (Object.entries(random.weights) as [FaultMode['kind'], number][]).filter(([, w]) => w > 0);
  const total = kinds.reduce((sum, [, w]) => sum + w, 0);
  if (total <= 0) throw new Error('randomPlan: every weight is 0');
  return () => {
    let roll = rng.next() * total;
    let kind: FaultMode['kind'] = kinds[kinds.length - 1]![0];
    for (const [k, w] of kinds) {
      if (roll < w) {
        kind = k;
        break;
      }
      roll -= w;
    }
    switch (kind) {
      case 'delay':
        return { kind, ms: rng.int(minDelay, maxDelay) };
      case 'cut_request':
      case 'cut_response':
        return { kind, afterBytes: rng.int(0, maxCut) };
      default:
        return { kind };
    }
  };
}
