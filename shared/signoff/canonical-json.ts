/**
 * Canonical JSON for signing: object keys sorted by code unit, no whitespace, numbers normalized
 * (finite only, -0 written as 0, integers without a fraction), and date-times with a zone written
 * as UTC ISO 8601 with milliseconds. Two equal values give the same text whatever their key order.
 */
export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A date-time with an explicit zone, as UTC ISO 8601 with milliseconds; other strings unchanged. */
export function normalizeTime(value: string): string {
  if (!ZONED_DATE_TIME.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function canonicalNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${String(value)} is not a finite number`);
  if (Object.is(value, -0) || value === 0) return '0';
  return JSON.stringify(value);
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return canonicalNumber(value, path);
    case 'string':
      return JSON.stringify(normalizeTime(value));
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v === undefined ? null : v, `${path}[${i}]`)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} cannot be signed`);
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}
