import { InventoryError, TARGET_IMPORT_MAX_RANGE } from './limits';

const RANGE = /\[([^\]:]*):([^\]:]+)(?::(\d+))?\]/;

function rangeValues(beg: string, end: string, stepText: string | undefined): string[] {
  const step = stepText === undefined ? 1 : Number(stepText);
  if (!Number.isInteger(step) || step < 1) throw new InventoryError(`host range step must be a positive number, not "${stepText}"`);
  const start = beg === '' ? '0' : beg;
  if (/^[a-z]$/i.test(start) && /^[a-z]$/i.test(end)) {
    const from = start.charCodeAt(0);
    const to = end.charCodeAt(0);
    if (from > to) throw new InventoryError(`host range [${beg}:${end}] runs backwards`);
    const out: string[] = [];
    for (let c = from; c <= to; c += step) out.push(String.fromCharCode(c));
    return out;
  }
  if (!/^\d+$/.test(start) || !/^\d+$/.test(end)) throw new InventoryError(`host range [${beg}:${end}] must be numbers or single letters`);
  // Ansible's rule: a start with a leading zero fixes the width, and the end must have the same width.
  const width = start.length > 1 && start.startsWith('0') ? start.length : 0;
  if (width > 0 && end.length !== width)
    throw new InventoryError(`host range [${beg}:${end}] must give its start and end with the same number of digits`);
  const from = Number(start);
  const to = Number(end);
  if (from > to) throw new InventoryError(`host range [${beg}:${end}] runs backwards`);
  if ((to - from) / step + 1 > TARGET_IMPORT_MAX_RANGE)
    throw new InventoryError(`host range [${beg}:${end}] expands to more than ${TARGET_IMPORT_MAX_RANGE} hosts`);
  const out: string[] = [];
  for (let n = from; n <= to; n += step) out.push(width > 0 ? String(n).padStart(width, '0') : String(n));
  return out;
}

/**
 * Expands Ansible host patterns: `pos[01:20].store-014`, `node[a:c]`, `web[1:9:2]`, several ranges
 * in one name; at most TARGET_IMPORT_MAX_RANGE names per pattern.
 */
export function expandHostPattern(pattern: string): string[] {
  const m = RANGE.exec(pattern);
  if (!m) return [pattern];
  const head = pattern.slice(0, m.index);
  const tail = pattern.slice(m.index + m[0].length);
  const values = rangeValues(m[1]!, m[2]!, m[3]);
  const tails = expandHostPattern(tail);
  if (values.length * tails.length > TARGET_IMPORT_MAX_RANGE)
    throw new InventoryError(`host pattern ${pattern} expands to more than ${TARGET_IMPORT_MAX_RANGE} hosts`);
  const out: string[] = [];
  for (const v of values) for (const t of tails) out.push(head + v + t);
  return out;
}
