/**
 * One `Range: bytes=…` request header against a file of `size` bytes (RFC 9110 §14). Several ranges
 * are answered with the whole file (allowed; electron-updater's differential download then falls
 * back to a full one), as is a stale `If-Range`. A range starting past the end is unsatisfiable.
 */
export type ByteRange = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

export function parseByteRange(header: string | undefined, size: number, ifRange?: string | string[], etag?: string): ByteRange {
  if (!header) return { kind: 'whole' };
  if (typeof ifRange === 'string' && ifRange !== etag) return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return size === 0 ? { kind: 'unsatisfiable' } : { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return { kind: 'unsatisfiable' };
  if (end < start) return { kind: 'whole' };
  return { kind: 'part', start, end };
}
