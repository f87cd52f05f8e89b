import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { staticFileType } from '../shared/security/static-file-types';

/** The renderer is served from app://outpost/… — a standard, secure origin of its own (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'outpost';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for `protocol.registerSchemesAsPrivileged`, which must run before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

export type AppUrlResolution =
  { kind: 'file'; filePath: string } | { kind: 'not_found'; reason: string } | { kind: 'forbidden'; reason: string };

/**
 * Map an app:// URL to a file inside `rootDir`, or refuse it. Pure: touches no file system.
 * Anything that would resolve outside the root (../, encoded ../, encoded separators, absolute
 * paths, drive letters) is forbidden; other hosts and schemes are not found.
 */
export function resolveAppUrl(url: string, rootDir: string): AppUrlResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'not_found', reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return { kind: 'not_found', reason: 'wrong scheme' };
  if (parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') {
    return { kind: 'not_found', reason: 'unknown host' };
  }

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'malformed escape in path' };
  }
  if (pathname.includes('\0')) return { kind: 'forbidden', reason: 'NUL in path' };
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';

  const root = path.resolve(rootDir);
  // Treat the URL path as relative to the root, whatever separators or prefixes it smuggles in.
  const relative = pathname.replace(/^[/\\]+/, '');
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return { kind: 'forbidden', reason: 'absolute path' };
  const filePath = path.resolve(root, relative);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    return { kind: 'forbidden', reason: 'path escapes the renderer directory' };
  }
  return { kind: 'file', filePath };
}

/** Headers every app:// response carries, errors included. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

async function readFileOrNull(filePath: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(filePath);
  } catch {
    return null;
  }
}

/** Answer one app:// request from `rootDir`. Exported for the main process; no Electron needed. */
export async function serveAppRequest(request: { url: string; method: string }, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const resolved = resolveAppUrl(request.url, rootDir);
  if (resolved.kind === 'forbidden') return textResponse(403, 'Forbidden');
  if (resolved.kind === 'not_found') return textResponse(404, 'Not found');

  let filePath = resolved.filePath;
  let body = await readFileOrNull(filePath);
  // A client-side route (no file extension) falls back to the single page.
  if (body === null && path.extname(filePath) === '') {
    filePath = path.join(path.resolve(rootDir), 'index.html');
    body = await readFileOrNull(filePath);
  }
  if (body === null) return textResponse(404, 'Not found');
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: securityHeaders(staticFileType(filePath)),
  });
}

/** Call after `app` is ready. `protocol` is Electron's, passed in so this module never loads Electron. */
export function handleAppProtocol(protocol: Protocol, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rootDir));
}
