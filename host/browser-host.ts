import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_MAX_PAYLOAD_BYTES, apiError, type ApiErrorCode, type ApiResult } from '../shared/contract/api-error';
import { TOKEN_FRAGMENT_KEY } from '../shared/contract/bridge';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import type { OutpostCore } from '../core/outpost-core';
import { createLogger } from '../core/logging/logger';
import { PayloadTooLarge, readBody } from './read-body';
import { guardApiRequest } from './request-guard';
import { staticFileType } from '../shared/security/static-file-types';
import { resolveStaticFile } from './static-files';

const log = createLogger('browser-host');

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  validation: 400,
  unknown_method: 404,
  not_found: 404,
  rule: 409,
  conflict: 409,
  no_profile: 409,
  unauthorized: 401,
  forbidden: 403,
  payload_too_large: 413,
  async_method: 400,
  offline: 503,
  client_too_old: 426,
  rate_limited: 429,
  server_error: 502,
  untrusted_server: 502,
  internal: 500,
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface BrowserHostOptions {
  /**
   * The core, or its promise: the shell listens (and serves the page) while the core still loads,
   * and a call waits for it.
   */
  core: OutpostCore | Promise<OutpostCore>;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed token for tests; by default a random one per launch. */
  token?: string;
}

export interface BrowserHost {
  port: number;
  token: string;
  /** The address to open: it carries the token in the fragment, which never reaches a server log. */
  url: string;
  close(): Promise<void>;
}

/** The browser shell: serves the built renderer and the core's API over HTTP on 127.0.0.1 only. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port;

  const send = (res: http.ServerResponse, status: number, body: ApiResult<unknown>) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(json);
  };

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, method: string) => {
    if (req.method !== 'POST') {
      send(res, 405, { ok: false, error: apiError('validation', 'API calls use POST') });
      return;
    }
    const refused = guardApiRequest(req, port, token);
    if (refused) {
      req.resume();
      send(res, refused.status, { ok: false, error: refused.error });
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req, API_MAX_PAYLOAD_BYTES);
      input = body === '' ? {} : JSON.parse(body);
    } catch (error) {
      if (error instanceof PayloadTooLarge) {
        send(res, 413, { ok: false, error: apiError('payload_too_large', `A call may carry at most ${API_MAX_PAYLOAD_BYTES} bytes`) });
      } else {
        send(res, 400, { ok: false, error: apiError('validation', 'The request body is not valid JSON') });
      }
      return;
    }
    const result = await (await options.core).call(decodeURIComponent(method), input);
    send(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
  };

  const handleStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const file = resolveStaticFile(options.rendererDir, pathname);
    if (!file) {
      const built = fs.existsSync(options.rendererDir);
      res.writeHead(built ? 404 : 503, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end(built ? 'Not found' : 'The renderer is not built yet: run "npm run build".');
      return;
    }
    const isIndex = file.endsWith('index.html');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': staticFileType(file),
      'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };

  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const api = /^\/api\/([^/]+)$/.exec(pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((error: unknown) => {
        log.error('request failed', { message: (error as Error).message });
        if (!res.headersSent) send(res, 500, { ok: false, error: apiError('internal', 'The request failed') });
      });
    } else if (pathname.startsWith('/api/')) {
      send(res, 404, { ok: false, error: apiError('unknown_method', 'No such API path') });
    } else {
      handleStatic(req, res, pathname);
    }
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
