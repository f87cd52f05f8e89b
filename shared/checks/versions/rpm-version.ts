/**
 * RPM version ordering: rpm's `rpmvercmp` on `[epoch:]version[-release]`.
 * Versions are split into runs of digits and runs of letters (anything else only separates);
 * digit runs compare as numbers and are newer than letter runs; `~` sorts before everything
 * (pre-releases: `1.0~rc1 < 1.0`); `^` sorts after the base version but before anything else
 * (snapshots: `1.0 < 1.0^git1 < 1.0.1`). Epochs compare first (missing = 0); releases compare
 * only when both sides have one, so a constraint `>= 1.2` ignores the release as rpm does.
 */
export interface RpmVersion {
  epoch: number;
  version: string;
  release: string | null;
}

export function parseRpmVersion(text: string): RpmVersion {
  let rest = text.trim();
  let epoch = 0;
  const epochMatch = /^(\d+):/.exec(rest);
  if (epochMatch) {
    epoch = Number(epochMatch[1]);
    rest = rest.slice(epochMatch[0].length);
  }
  const hyphen = rest.lastIndexOf('-');
  if (hyphen > 0) return { epoch, version: rest.slice(0, hyphen), release: rest.slice(hyphen + 1) };
  return { epoch, version: rest, release: null };
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c);

/** rpm's `rpmvercmp` on one version or release string: -1, 0 or 1. */
export function rpmvercmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;

    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < a.length && j < b.length)) break;

    const numeric = isDigit(a[i]);
    const inRun = numeric ? isDigit : isAlpha;
    let iEnd = i;
    let jEnd = j;
    while (inRun(a[iEnd])) iEnd++;
    while (inRun(b[jEnd])) jEnd++;
    // Different kinds of segment: a numeric one is newer than a letter one.
    if (jEnd === j) return numeric ? 1 : -1;

    let segA = a.slice(i, iEnd);
    let segB = b.slice(j, jEnd);
    if (numeric) {
      segA = segA.replace(/^0+/, '');
      segB = segB.replace(/^0+/, '');
      if (segA.length !== segB.length) return segA.length > segB.length ? 1 : -1;
    }
    if (segA !== segB) return segA > segB ? 1 : -1;
    i = iEnd;
    j = jEnd;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/** Compares two `[epoch:]version[-release]` strings as rpm does: -1, 0 or 1. */
export function compareRpmVersions(a: string, b: string): -1 | 0 | 1 {
  const va = parseRpmVersion(a);
  const vb = parseRpmVersion(b);
  if (va.epoch !== vb.epoch) return va.epoch > vb.epoch ? 1 : -1;
  const version = rpmvercmp(va.version, vb.version);
  if (version !== 0 || va.release === null || vb.release === null) return version;
  return rpmvercmp(va.release, vb.release);
}
