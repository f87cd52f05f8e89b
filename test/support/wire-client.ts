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
 * The sync protocol spoken directly over HTTP, as a device would (shared/sync/wire.ts), for tests
 * and benchmarks that need many devices or exact control of each request. Every answer is parsed
 * with the wire schemas; a non-2xx answer throws `WireError` with the server's code.
 */
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

export function wireClient(baseUrl: string, token: string | null = null, timeoutMs = 30_000): WireClient {
  const client: WireClient = {
    token,
    async signIn(username, password, deviceName = 'test device') {
      const body = await request('POST', '/v1/auth/sign-in', { username, password, deviceName, protocolVersion: SYNC_PROTOCOL_VERSION });
      const parsed = signInResponseSchema.parse(body);
      client.token = parsed.token;
      return parsed;
    },
    async push(operations) {
      return pushResponseSchema.parse(await request('POST', '/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, operations }));
    },
    async partitions() {
      return partitionsResponseSchema.parse(await request('POST', '/v1/sync/partitions', {})).partitions;
    },
    async pull(partition, after, limit) {
      return pullResponseSchema.parse(await request('POST', '/v1/sync/pull', { partition, after, ...(limit ? { limit } : {}) }));
    },
  };
  async function request(method: string, path: string, body: unknown): Promise<unknown> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
      [SCHEMA_HEADER]: String(LATEST_SCHEMA_VERSION),
    };
    if (client.token) headers.authorization = `Bearer ${client.token}`;
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw new WireError(response.status, error?.code ?? 'http_error', error?.message ?? text.slice(0, 200));
    }
    return json;
  }
  return client;
}
