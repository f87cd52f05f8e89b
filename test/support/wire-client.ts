import { LATEST_SCHEMA_VERSION } from '../../migrations';
import {
  PROTOCOL_HEADER,
  SCHEMA_HEADER,
  SYNC_PROTOCOL_VERSION,
  partitionsResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  signInResponseSchema,
  type Operation,
  type PartitionInfo,
  type PullResponse,
  type PushResponse,
  type SignInResponse,
} from '../../shared/sync/wire';

/**
 * The one HTTP client of the tests and benchmarks that talk to the central server as a device would
 * (shared/sync/wire.ts): `api` sends one request (the protocol and schema headers, a bearer token,
 * JSON or raw bytes) and returns status, headers and body; `signIn` and `wireClient` speak the sync
 * protocol over it, parsing every answer with the wire schemas. The server suites' scripted devices
 * (test/integration/sync-server-fixture.ts) are built on `api` too.
 */

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiRequest {
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  rawBody?: string | Uint8Array;
  token?: string;
  headers?: Record<string, string>;
  /** Leave out the protocol and schema headers. */
  noProtocol?: boolean;
  /** A body that is not JSON comes back as bytes (default) or as text. */
  otherBody?: 'bytes' | 'text';
  timeoutMs?: number;
}

export async function api<T = unknown>(baseUrl: string, method: string, path: string, request: ApiRequest = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (!request.noProtocol) {
    headers[PROTOCOL_HEADER] = String(SYNC_PROTOCOL_VERSION);
    headers[SCHEMA_HEADER] = String(LATEST_SCHEMA_VERSION);
  }
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: string | Uint8Array | undefined;
  if (request.rawBody !== undefined) body = request.rawBody;
  else if (request.body !== undefined) body = JSON.stringify(request.body);
  if (body !== undefined && typeof body === 'string') headers['content-type'] = 'application/json';
  Object.assign(headers, request.headers);
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body as BodyInit | undefined,
    ...(request.timeoutMs ? { signal: AbortSignal.timeout(request.timeoutMs) } : {}),
  });
  const type = response.headers.get('content-type') ?? '';
  let parsed: unknown;
  if (type.includes('application/json')) {
    const text = await response.text();
    parsed = text ? JSON.parse(text) : null;
  } else if (request.otherBody === 'text') parsed = await response.text();
  else parsed = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** Signs in and returns the device token and id. */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
  deviceName = 'test laptop',
): Promise<{ token: string; deviceId: string }> {
  const response = await api<{ token: string; deviceId: string }>(baseUrl, 'POST', '/v1/auth/sign-in', {
    body: { username, password, deviceName, protocolVersion: SYNC_PROTOCOL_VERSION },
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A non-2xx answer of the sync protocol, with the server's code. */
export class WireError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'WireError';
  }
}

export interface WireClient {
  token: string | null;
  signIn(username: string, password: string, deviceName?: string): Promise<SignInResponse>;
  push(operations: Operation[]): Promise<PushResponse>;
  partitions(): Promise<PartitionInfo[]>;
  pull(partition: string, after: number, limit?: number): Promise<PullResponse>;
}

/** A device speaking the sync protocol, for tests and benchmarks that need many devices or exact control of each request; throws `WireError`. */
export function wireClient(baseUrl: string, token: string | null = null, timeoutMs = 30_000): WireClient {
  const request = async (path: string, body: unknown): Promise<unknown> => {
    const answer = await api(baseUrl, 'POST', path, {
      body,
      timeoutMs,
      otherBody: 'text',
      ...(client.token ? { token: client.token } : {}),
    });
    if (answer.status < 200 || answer.status > 299) {
      const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
      throw new WireError(answer.status, error?.code ?? 'http_error', error?.message ?? String(answer.body).slice(0, 200));
    }
    return answer.body;
  };
  const client: WireClient = {
    token,
    async signIn(username, password, deviceName = 'test device') {
      const parsed = signInResponseSchema.parse(
        await request('/v1/auth/sign-in', { username, password, deviceName, protocolVersion: SYNC_PROTOCOL_VERSION }),
      );
      client.token = parsed.token;
      return parsed;
    },
    async push(operations) {
      return pushResponseSchema.parse(
        await request('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, operations }),
      );
    },
    async partitions() {
      return partitionsResponseSchema.parse(await request('/v1/sync/partitions', {})).partitions;
    },
    async pull(partition, after, limit) {
      return pullResponseSchema.parse(await request('/v1/sync/pull', { partition, after, ...(limit ? { limit } : {}) }));
    },
  };
  return client;
}
