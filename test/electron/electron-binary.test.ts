import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryPath } from './electron-binary';

describe('electronBinaryPath', () => {
  let dir: string | undefined;
  const makePackage = () => {
    dir = mkdtempSync(path.join(tmpdir(), 'outpost-electron-pkg-'));
    return dir;
  };
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('is null when the binary was never downloaded (no path.txt)', () => {
    expect(electronBinaryPath(makePackage(), {}, 'linux')).toBeNull();
  });

  it('is null when path.txt names a file that is not there', () => {
    const pkg = makePackage();
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(electronBinaryPath(pkg, {}, 'linux')).toBeNull();
  });

  it('finds dist/<path.txt>', () => {
    const pkg = makePackage();
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    mkdirSync(path.join(pkg, 'dist'));
    writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(electronBinaryPath(pkg, {}, 'linux')).toBe(path.join(pkg, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const pkg = makePackage();
    const override = path.join(pkg, 'custom');
    mkdirSync(override);
    writeFileSync(path.join(override, 'electron'), '');
    expect(electronBinaryPath(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBe(path.join(override, 'electron'));
  });

  it('does not crash on the real checkout', () => {
    const found = electronBinaryPath();
    expect(found === null || typeof found === 'string').toBe(true);
  });
});
