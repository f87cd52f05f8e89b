import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from './launch-args';

const cwd = path.resolve('/home/tech');

describe('parseLaunchArgs', () => {
  it('defaults to Electron userData and no demo', () => {
    expect(parseLaunchArgs(['/opt/Outpost/outpost'], {}, cwd)).toEqual({ dataDir: null, demo: false });
  });

  it('reads --data-dir in both spellings, relative to the working directory', () => {
    expect(parseLaunchArgs(['electron', '.', '--data-dir', 'data'], {}, cwd).dataDir).toBe(path.join(cwd, 'data'));
    expect(parseLaunchArgs(['electron', '.', '--data-dir=/tmp/x'], {}, cwd).dataDir).toBe(path.resolve('/tmp/x'));
  });

  it('prefers the flag over OUTPOST_DATA_DIR, and uses the variable otherwise', () => {
    expect(parseLaunchArgs(['x', '--data-dir', '/a'], { OUTPOST_DATA_DIR: '/b' }, cwd).dataDir).toBe(path.resolve('/a'));
    expect(parseLaunchArgs(['x'], { OUTPOST_DATA_DIR: '/b' }, cwd).dataDir).toBe(path.resolve('/b'));
  });

  it('ignores an empty or missing value', () => {
    expect(parseLaunchArgs(['x', '--data-dir'], {}, cwd).dataDir).toBeNull();
    expect(parseLaunchArgs(['x', '--data-dir', '--demo'], {}, cwd)).toEqual({ dataDir: null, demo: true });
    expect(parseLaunchArgs(['x', '--data-dir='], { OUTPOST_DATA_DIR: '  ' }, cwd).dataDir).toBeNull();
  });

  it('reads --demo anywhere', () => {
    expect(parseLaunchArgs(['x', '--demo', '--data-dir', '/d'], {}, cwd)).toEqual({ dataDir: path.resolve('/d'), demo: true });
  });
});
