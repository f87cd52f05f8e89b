import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';
import { DEFAULT_PORT, parseLaunchOptions } from './launch-options';

describe('launch options', () => {
  it('reads every option both shells accept', () => {
    const o = parseLaunchOptions(['--browser', '--port', '0', '--no-open', '--data-dir', '/tmp/x', '--demo'], {});
    expect(o).toEqual({ browser: true, port: 0, open: false, dataDir: '/tmp/x', demo: true, help: false });
  });

  it('takes the data directory from OUTPOST_DATA_DIR, then the OS default', () => {
    expect(parseLaunchOptions([], { OUTPOST_DATA_DIR: '/data/outpost' }).dataDir).toBe('/data/outpost');
    expect(parseLaunchOptions([], {})).toMatchObject({ browser: false, port: DEFAULT_PORT, open: true });
  });

  it('refuses unknown options and bad ports', () => {
    expect(() => parseLaunchOptions(['--prot', '1'], {})).toThrow();
    expect(() => parseLaunchOptions(['--port', 'http'], {})).toThrow(/--port must be a number/);
    expect(() => parseLaunchOptions(['--port', '70000'], {})).toThrow();
  });

  it('uses the OS application-data folder by default', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Outpost');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/Outpost');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Outpost');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Outpost',
    );
  });
});
