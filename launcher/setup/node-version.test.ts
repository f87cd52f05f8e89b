import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectRoot } from '../project-paths';
import { checkNodeVersion, electronNodeRange, minimumNodeVersion } from './node-version';

describe('Node version for Electron tooling', () => {
  it('reads the minimum from the electron package the checkout has installed', () => {
    const range = electronNodeRange(path.join(findProjectRoot(), 'node_modules', 'electron'));
    expect(range).toMatch(/>=/);
    expect(minimumNodeVersion(range!)).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reads engines.node from any package folder, null when absent', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'outpost-engines-'));
    try {
      expect(electronNodeRange(dir)).toBeNull();
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', engines: { node: '>= 22.12.0' } }));
      expect(electronNodeRange(dir)).toBe('>= 22.12.0');
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron' }));
      expect(electronNodeRange(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses the lower bound of the usual range forms', () => {
    expect(minimumNodeVersion('>= 22.12.0')).toBe('22.12.0');
    expect(minimumNodeVersion('>=22.12')).toBe('22.12.0');
    expect(minimumNodeVersion('^20.19.0 || >=22.12.0')).toBe('20.19.0');
    expect(minimumNodeVersion('*')).toBeNull();
  });

  it('an older Node fails with one line naming both versions; the same or newer passes', () => {
    const older = checkNodeVersion('v20.20.2', '>= 22.12.0');
    expect(older).toMatchObject({ ok: false, needed: '22.12.0' });
    if (older.ok) return;
    expect(older.reason).toBe(
      'Electron\'s installer needs Node 22.12.0 or newer (the electron package declares ">= 22.12.0"); this is Node 20.20.2. Install Node 22.12.0+ and try again',
    );
    expect(older.reason).not.toContain('\n');
    expect(checkNodeVersion('v22.11.9', '>= 22.12.0').ok).toBe(false);
    expect(checkNodeVersion('v21.99.0', '>= 22.12.0').ok).toBe(false);
    expect(checkNodeVersion('v22.12.0', '>= 22.12.0')).toEqual({ ok: true, needed: '22.12.0' });
    expect(checkNodeVersion('v22.13.1', '>= 22.12.0').ok).toBe(true);
    expect(checkNodeVersion('v24.0.0', '>= 22.12.0').ok).toBe(true);
  });

  it('no declared minimum: nothing to check', () => {
    expect(checkNodeVersion('v18.0.0', null)).toEqual({ ok: true, needed: null });
  });
});
