// Electron's installer (@electron/get, an ES module loaded with require) needs a newer Node than
// Outpost itself. The electron package says which in its engines field; on an older Node we say so
// in one line instead of letting the installer fail inside a dependency.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { StepOutcome } from './setup-context';

type Version = [number, number, number];

function parseVersion(text: string): Version | null {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null;
}

function atLeast(have: Version, need: Version): boolean {
  for (let i = 0; i < 3; i++) if (have[i] !== need[i]) return have[i]! > need[i]!;
  return true;
}

/** The minimum Node version in an engines range such as ">= 22.12.0" (null when it names none). */
export function minimumNodeVersion(range: string): string | null {
  const lowerBound = /(?:>=|\^|~)\s*v?(\d+\.\d+(?:\.\d+)?)/.exec(range);
  const version = lowerBound ? parseVersion(lowerBound[1]!) : null;
  return version ? version.join('.') : null;
}

/** The electron package's engines.node, or null when it declares none. */
export function electronNodeRange(electronPackageDir: string): string | null {
  const manifest = path.join(electronPackageDir, 'package.json');
  if (!existsSync(manifest)) return null;
  const engines = (JSON.parse(readFileSync(manifest, 'utf8')) as { engines?: { node?: string } }).engines;
  return engines?.node ?? null;
}

export function checkNodeVersion(nodeVersion: string, range: string | null): StepOutcome & { needed: string | null } {
  const needed = range ? minimumNodeVersion(range) : null;
  const have = parseVersion(nodeVersion);
  if (!needed || !have) return { ok: true, needed };
  if (atLeast(have, parseVersion(needed)!)) return { ok: true, needed };
  return {
    ok: false,
    needed,
    reason: `Electron's installer needs Node ${needed} or newer (the electron package declares "${range}"); this is Node ${nodeVersion.replace(/^v/, '')}. Install Node ${needed}+ and try again`,
  };
}
