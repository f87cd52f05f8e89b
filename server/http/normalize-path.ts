import type { IncomingMessage } from 'node:http';

/**
 * Request paths are brought to one canonical form before routing and before any guard runs, so a
 * guard that looks at the path sees what the router will serve: percent-encoding decoded (and
 * re-encoded canonically), `.` and `..` segments resolved, duplicate slashes collapsed. `/%761/me`
 * and `//v1/./me` are `/v1/me`. A path that cannot be read (bad percent-encoding, bytes that are not
 * UTF-8, control characters, an encoded `/` or `\`, `..` above the root) is marked malformed and
 * answered 400 by the request guards.
 */

export const MALFORMED_PATH = Symbol('outpost.malformedPath');
const MALFORMED_TARGET = '/.malformed-path';
const MAX_PATH_LENGTH = 8192;

type MarkedRequest = IncomingMessage & { [MALFORMED_PATH]?: string };

export function malformedPathReason(request: IncomingMessage): string | null {
  return (request as MarkedRequest)[MALFORMED_PATH] ?? null;
}

/** Characters kept as they are in a canonical path segment (RFC 3986 pchar without `%`). */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

function encodeSegment(segment: string): string {
  let out = '';
  for (const char of segment) {
    if (PCHAR.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes one raw segment; null when its encoding is bad or it hides a separator or a control character. */
function decodeSegment(raw: string): { value: string } | { error: string } {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i]!;
    if (char === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return { error: 'bad percent-encoding' };
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte);
    }
  }
  let value: string;
  try {
    value = utf8.decode(new Uint8Array(bytes));
  } catch {
    return { error: 'not UTF-8' };
  }
  if (/[\u0000-\u001f\u007f]/.test(value)) return { error: 'control character' };
  if (value.includes('/') || value.includes('\\')) return { error: 'encoded path separator' };
  return { value };
}

/** The canonical form of a request target's path (the query is kept as sent), or an error. */
export function normalizePath(target: string): { url: string } | { error: string } {
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt);
  if (!rawPath.startsWith('/')) return { error: 'not an absolute path' };
  if (rawPath.length > MAX_PATH_LENGTH) return { error: 'path too long' };
  if (rawPath.includes('\\')) return { error: 'backslash in path' };
  const rawSegments = rawPath.split('/').slice(1);
  const trailingSlash = rawPath.length > 1 && rawPath.endsWith('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const decoded = decodeSegment(raw);
    if ('error' in decoded) return decoded;
    const segment = decoded.value;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { error: '".." above the root' };
      segments.pop();
      continue;
    }
    segments.push(encodeSegment(segment));
  }
  const path = `/${segments.join('/')}${trailingSlash && segments.length > 0 ? '/' : ''}`;
  return { url: `${path}${query}` };
}

/** Fastify's `rewriteUrl`: must return a string, so a malformed path is marked and sent to a path no route has. */
export function normalizeRequestUrl(request: IncomingMessage): string {
  const result = normalizePath(request.url ?? '/');
  if ('url' in result) return result.url;
  (request as MarkedRequest)[MALFORMED_PATH] = result.error;
  return MALFORMED_TARGET;
}
