/**
 * Debian (dpkg) version ordering, as in Debian Policy §5.6.12 and dpkg's `verrevcmp`:
 * `[epoch:]upstream[-revision]`. Epochs compare as numbers; upstream and revision compare in
 * alternating non-digit and digit runs; in non-digit runs `~` sorts before everything (even the
 * end of the string), then letters, then all other characters; digit runs compare as numbers.
 */
export interface DebianVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

/** Splits a version into its parts; null when it is not a Debian version (bad epoch, empty upstream). */
export function parseDebianVersion(version: string): DebianVersion | null {
  const text = version.trim();
  if (text === '' || /\s/.test(text)) return null;
  let epoch = 0;
  let rest = text;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    const epochText = text.slice(0, colon);
    if (!/^\d+$/.test(epochText)) return null;
    epoch = Number(epochText);
    rest = text.slice(colon + 1);
  }
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (upstream === '' || (hyphen >= 0 && revision === '')) return null;
  return { epoch, upstream, revision };
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string): boolean => /^[A-Za-z]$/.test(c);

/** dpkg's `order()`: the weight of one character in a non-digit run (undefined = end of string). */
function order(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isLetter(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** dpkg's `verrevcmp` on one part (upstream or revision). */
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);

/**
 * Compares two Debian versions: -1, 0 or 1. A string that is not a valid Debian version is
 * compared as if it were all upstream (as dpkg does with a warning), so the order stays total.
 */
export function compareDebianVersions(a: string, b: string): -1 | 0 | 1 {
  const va = parseDebianVersion(a) ?? { epoch: 0, upstream: a.trim(), revision: '' };
  const vb = parseDebianVersion(b) ?? { epoch: 0, upstream: b.trim(), revision: '' };
  if (va.epoch !== vb.epoch) return va.epoch > vb.epoch ? 1 : -1;
  const upstream = compareFragment(va.upstream, vb.upstream);
  if (upstream !== 0) return sign(upstream);
  return sign(compareFragment(va.revision, vb.revision));
}
