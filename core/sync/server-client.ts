import type { z } from 'zod';
import {
  blobStatusSchema,
  errorBodySchema,
  healthResponseSchema,
  meResponseSchema,
  partitionsResponseSchema,
  pushResponseSchema,
  signInResponseSchema,
  PROTOCOL_HEADER,
  SCHEMA_HEADER,
  SYNC_PROTOCOL_VERSION,
  type BlobStatus,
  type PushRequest,
} from '../../shared/sync/wire';
import { deviceKeysResponseSchema, registerKeyResponseSchema, type SigningKeyRegistration } from '../../shared/sync/device-key-wire';
import { pulledPageSchema } from './pulled-page';
import { quarantineReportResponseSchema, type QuarantineReportRow } from '../../shared/sync/quarantine-wire';
import { SyncAborted, SyncError, type SyncErrorCode } from './sync-error';
import { checkServerAddress } from '../../shared/sync/server-address';
import { APP_VERSION_HEADER } from '../../shared/app-updates/app-channel';
import { userListResponseSchema } from '../../shared/sync/user-list-wire';
import { ASSET_TAG_NUMBER_PATH, assetTagNumberResponseSchema } from '../../shared/labels/tag-number-wire';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ServerClientOptions {
  baseUrl: string;
  schemaVersion: number;
  token?: string | null;
  fetch?: FetchLike;
  /** Per request; blob transfers get four times as long. */
  timeoutMs?: number;
  /** Stops every request of the client (the core is closing). */
  signal?: AbortSignal;
  /** This app's version, sent with every request: the server shows it in its device list. */
  appVersion?: string;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  bytes?: Uint8Array;
  auth?: boolean;
  long?: boolean;
  /** False for a request that must not be sent twice (sign-in registers a device). */
  resend?: boolean;
}

/** Codes of a connection that closed under the request (a kept-alive socket the server had just let go). */
const CLOSED_CONNECTION_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/**
 * Whether a failed request died on a connection that closed under it. A kept-alive connection the
 * server closes while this process is busy (a long SQLite write blocks the event loop, so the close
 * is read only after the next request was written on it) fails that way; one new attempt on a fresh
 * connection is safe because every sync request is idempotent (operations carry ids, blobs hashes).
 */
function diedOnClosedConnection(cause: unknown): boolean {
  const inner = (cause as { cause?: unknown } | null)?.cause;
  const code = (inner as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CLOSED_CONNECTION_CODES.has(code);
}

const HTTP_CODES: Record<number, SyncErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'validation',
  426: 'client_too_old',
  429: 'rate_limited',
};

const MESSAGES: Partial<Record<SyncErrorCode, string>> = {
  unauthorized: 'The server did not accept the sign-in or the device token',
  forbidden: 'The server refused: this account may not do that',
  client_too_old: 'The server no longer accepts this version of Outpost: update Outpost, then sync again (your changes are kept)',
  rate_limited: 'Too many attempts: wait a minute and try again',
  server_error: 'The server answered with an error',
};

/** The central server's HTTP API, every answer parsed with the wire schemas; failures become `SyncError`s. */
export function createServerClient(options: ServerClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  // http:// to another computer is refused here too, before any connection (whatever fetch is used).
  const address = checkServerAddress(base);
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  async function send(spec: RequestSpec): Promise<Response> {
    if (options.signal?.aborted) throw new SyncAborted();
    if (!address.ok) throw new SyncError('untrusted_server', address.message, `${spec.method} ${base}${spec.path}: not sent`);
    const headers: Record<string, string> = {
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
      [SCHEMA_HEADER]: String(options.schemaVersion),
    };
    if (options.appVersion) headers[APP_VERSION_HEADER] = options.appVersion;
    if (spec.auth !== false) {
      if (!options.token) throw new SyncError('unauthorized', 'This device is not signed in to a server');
      headers.authorization = `Bearer ${options.token}`;
    }
    let body: BodyInit | undefined;
    if (spec.bytes) {
      headers['content-type'] = 'application/octet-stream';
      body = spec.bytes as unknown as BodyInit;
    } else if (spec.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(spec.body);
    }
    const timeout = AbortSignal.timeout(spec.long ? timeoutMs * 4 : timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const attempt = () => doFetch(`${base}${spec.path}`, { method: spec.method, headers, ...(body !== undefined ? { body } : {}), signal });
    try {
      try {
        return await attempt();
      } catch (cause) {
        if (spec.resend === false || signal.aborted || !diedOnClosedConnection(cause)) throw cause;
        return await attempt();
      }
    } catch (cause) {
      if (options.signal?.aborted) throw new SyncAborted();
      if (cause instanceof SyncError) throw cause; // the transport refused the server (certificate)
      const detail = timeout.aborted ? `no answer within ${spec.long ? timeoutMs * 4 : timeoutMs} ms` : describeNetworkError(cause);
      throw new SyncError('offline', `Cannot reach the server at ${base}`, `${spec.method} ${spec.path}: ${detail}`);
    }
  }

  async function readBody(response: Response, spec: RequestSpec): Promise<unknown> {
    try {
      const text = await response.text();
      return text === '' ? null : (JSON.parse(text) as unknown);
    } catch (cause) {
      if (options.signal?.aborted) throw new SyncAborted();
      if (response.ok)
        throw new SyncError(
          'offline',
          `The connection to ${base} broke off`,
          `${spec.method} ${spec.path}: ${describeNetworkError(cause)}`,
        );
      return null;
    }
  }

  async function failure(response: Response, spec: RequestSpec): Promise<SyncError> {
    const parsed = errorBodySchema.safeParse(await readBody(response, spec));
    const code = HTTP_CODES[response.status] ?? 'server_error';
    const serverCode = parsed.success ? parsed.data.error.code : undefined;
    const serverMessage = parsed.success ? parsed.data.error.message : undefined;
    const message =
      code === 'unauthorized' && serverCode === 'bad_credentials'
        ? 'Wrong user name or password'
        : (serverMessage ?? MESSAGES[code] ?? `The server refused (${response.status})`);
    const detail = `HTTP ${response.status} ${spec.method} ${spec.path}${serverCode ? `: ${serverCode}` : ''}${serverMessage ? ` (${serverMessage})` : ''}`;
    return new SyncError(code, code === 'client_too_old' ? MESSAGES.client_too_old! : message, detail, response.status, serverCode);
  }

  async function json<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const response = await send(spec);
    if (!response.ok) throw await failure(response, spec);
    const body = await readBody(response, spec);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new SyncError(
        'server_error',
        'The server sent an answer this version of Outpost does not understand',
        `${spec.method} ${spec.path}: ${parsed.error.message.slice(0, 500)}`,
      );
    }
    return parsed.data;
  }

  async function noContent(spec: RequestSpec): Promise<void> {
    const response = await send(spec);
    if (!response.ok) throw await failure(response, spec);
    await readBody(response, spec);
  }

  return {
    baseUrl: base,
    health: () => json({ method: 'GET', path: '/health', auth: false }, healthResponseSchema),
    signIn: (username: string, password: string, deviceName: string, signingKey?: SigningKeyRegistration) =>
      json(
        {
          method: 'POST',
          path: '/v1/auth/sign-in',
          auth: false,
          resend: false,
          body: { username, password, deviceName, protocolVersion: SYNC_PROTOCOL_VERSION, ...(signingKey ? { signingKey } : {}) },
        },
        signInResponseSchema,
      ),
    signOut: () => noContent({ method: 'POST', path: '/v1/auth/sign-out', body: {} }),
    me: () => json({ method: 'GET', path: '/v1/me' }, meResponseSchema),
    /** Registers this device's signing key (a device signed in before keys were registered). */
    registerSigningKey: (key: SigningKeyRegistration) =>
      json({ method: 'POST', path: '/v1/devices/signing-key', body: key }, registerKeyResponseSchema),
    /** Every signing key the server registered, with its user and device. */
    deviceKeys: () => json({ method: 'GET', path: '/v1/device-keys' }, deviceKeysResponseSchema),
    /** This device's number for the asset tags it gives (the same answer every time). */
    assetTagNumber: () => json({ method: 'POST', path: ASSET_TAG_NUMBER_PATH, body: {} }, assetTagNumberResponseSchema),
    push: (request: PushRequest) => json({ method: 'POST', path: '/v1/sync/push', body: request, long: true }, pushResponseSchema),
    partitions: () => json({ method: 'POST', path: '/v1/sync/partitions', body: {} }, partitionsResponseSchema),
    users: () => json({ method: 'GET', path: '/v1/users' }, userListResponseSchema),
    pull: (partition: string, after: number, limit?: number, snapshot?: boolean) =>
      json(
        {
          method: 'POST',
          path: '/v1/sync/pull',
          body: { partition, after, ...(limit ? { limit } : {}), ...(snapshot && after > 0 ? { snapshot } : {}) },
          long: true,
        },
        pulledPageSchema,
      ),
    /** Tells the server which pulled rows this device could not store. */
    reportQuarantine: (rows: readonly QuarantineReportRow[]) =>
      json({ method: 'POST', path: '/v1/sync/quarantine', body: { rows } }, quarantineReportResponseSchema),
    /** The server's upload status, or null when it never saw this blob. */
    blobStatus: async (sha256: string): Promise<BlobStatus | null> => {
      try {
        return await json({ method: 'GET', path: `/v1/blobs/${sha256}/status` }, blobStatusSchema);
      } catch (error) {
        if (error instanceof SyncError && error.status === 404) return null;
        throw error;
      }
    },
    putBlobChunk: async (sha256: string, offset: number, size: number, mediaType: string, bytes: Uint8Array): Promise<BlobStatus> => {
      const query = new URLSearchParams({ offset: String(offset), size: String(size), mediaType });
      const spec: RequestSpec = { method: 'PUT', path: `/v1/blobs/${sha256}?${query.toString()}`, bytes, long: true };
      const response = await send(spec);
      if (response.status === 409) {
        const body = (await readBody(response, spec)) as { status?: unknown } | null;
        const status = blobStatusSchema.safeParse(body?.status ?? body);
        if (status.success) return status.data; // offset_mismatch: resume from what the server has
        throw new SyncError('conflict', 'The server refused the attachment upload', `HTTP 409 PUT ${spec.path}`, 409, 'offset_mismatch');
      }
      if (!response.ok) throw await failure(response, spec);
      const parsed = blobStatusSchema.safeParse(await readBody(response, spec));
      if (!parsed.success) throw new SyncError('server_error', 'The server sent an unexpected upload status', `PUT ${spec.path}`);
      return parsed.data;
    },
    getBlob: async (sha256: string): Promise<{ bytes: Buffer; mediaType: string }> => {
      const spec: RequestSpec = { method: 'GET', path: `/v1/blobs/${sha256}`, long: true };
      const response = await send(spec);
      if (!response.ok) throw await failure(response, spec);
      try {
        const bytes = Buffer.from(await response.arrayBuffer());
        return { bytes, mediaType: response.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream' };
      } catch (cause) {
        if (options.signal?.aborted) throw new SyncAborted();
        throw new SyncError('offline', `The connection to ${base} broke off`, `GET ${spec.path}: ${describeNetworkError(cause)}`);
      }
    },
  };
}

export type ServerClient = ReturnType<typeof createServerClient>;

function describeNetworkError(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  const innerText = inner instanceof Error ? `${(inner as { code?: string }).code ?? inner.name}: ${inner.message}` : '';
  return innerText ? `${cause.message} (${innerText})` : cause.message;
}
