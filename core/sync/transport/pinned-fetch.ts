import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type tls from 'node:tls';
import type { FetchLike } from '../server-client';
import { describePeer, tlsTarget } from './peer-certificate';

/** The server presented another certificate than the pinned one; the connection was closed before any request was sent. */
export class CertificateMismatch extends Error {
  constructor(
    readonly expected: string,
    readonly presented: string,
  ) {
    super(`certificate ${presented} is not the pinned ${expected}`);
    this.name = 'CertificateMismatch';
  }
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function toHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/**
 * `fetch` for one HTTPS server whose certificate is pinned: every connection checks the
 * certificate's SHA-256 fingerprint when the handshake completes and is destroyed on a mismatch,
 * before the request (and its device token) is written. The pin replaces CA validation (a
 * self-signed certificate is the common case), the way an SSH host key does.
 */
export function createPinnedFetch(expectedFingerprint: string): FetchLike & { close(): void } {
  return agents.get(expectedFingerprint) ?? remember(expectedFingerprint, buildPinnedFetch(expectedFingerprint));
}

/** One agent (and its kept-alive connections) per pinned certificate, shared by the clients of every sync run. */
const agents = new Map<string, FetchLike & { close(): void }>();
function remember(fingerprint: string, fetchLike: FetchLike & { close(): void }) {
  if (agents.size >= 8) {
    for (const old of agents.values()) old.close();
    agents.clear();
  }
  agents.set(fingerprint, fetchLike);
  return fetchLike;
}

function buildPinnedFetch(expectedFingerprint: string): FetchLike & { close(): void } {
  class PinningAgent extends https.Agent {
    override createConnection(...args: Parameters<https.Agent['createConnection']>) {
      const socket = super.createConnection(...args) as unknown as tls.TLSSocket;
      socket.once('secureConnect', () => {
        const presented = describePeer(socket)?.fingerprint ?? '(none)';
        if (presented !== expectedFingerprint) socket.destroy(new CertificateMismatch(expectedFingerprint, presented));
      });
      return socket as unknown as ReturnType<https.Agent['createConnection']>;
    }
  }
  const agent = new PinningAgent({ keepAlive: true, maxSockets: 4, rejectUnauthorized: false });

  const pinnedFetch = (input: string, init: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(input);
      const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      const port = Number(url.port || 443);
      const body =
        typeof init.body === 'string'
          ? Buffer.from(init.body)
          : init.body instanceof Uint8Array
            ? Buffer.from(init.body)
            : init.body == null
              ? null
              : undefined;
      if (body === undefined) {
        reject(new TypeError('pinned fetch sends only string or byte bodies'));
        return;
      }
      const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
      if (body) headers['content-length'] = String(body.length);
      const request = https.request({
        ...tlsTarget(host, port),
        agent,
        method: init.method ?? 'GET',
        path: `${url.pathname}${url.search}`,
        headers,
        ...(init.signal ? { signal: init.signal } : {}),
      });
      request.once('response', (response) => {
        const status = response.statusCode ?? 0;
        const stream =
          NULL_BODY_STATUS.has(status) || init.method === 'HEAD' ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
        if (!stream) response.resume();
        resolve(new Response(stream, { status, statusText: response.statusMessage ?? '', headers: toHeaders(response) }));
      });
      request.once('error', (error) =>
        reject(error instanceof CertificateMismatch ? error : new TypeError('fetch failed', { cause: error })),
      );
      request.end(body ?? undefined);
    });
  return Object.assign(pinnedFetch, { close: () => agent.destroy() });
}
