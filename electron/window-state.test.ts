import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_HEIGHT, DEFAULT_WINDOW_WIDTH, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from './window-options';
import { clampBounds, loadWindowState, parseWindowState, saveWindowState, WINDOW_STATE_FILE } from './window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('clampBounds', () => {
  it('uses the default size and lets the OS centre when nothing was saved', () => {
    expect(clampBounds(null, [primary])).toEqual({ width: DEFAULT_WINDOW_WIDTH, height: DEFAULT_WINDOW_HEIGHT });
    expect(clampBounds({ x: 0, y: 0, width: 1000, height: 700 }, [])).toEqual({
      width: DEFAULT_WINDOW_WIDTH,
      height: DEFAULT_WINDOW_HEIGHT,
    });
  });

  it('restores bounds that fit unchanged', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800 };
    expect(clampBounds(saved, [primary, right])).toEqual(saved);
  });

  it('keeps a window on the secondary display it was on', () => {
    const saved = { x: 2100, y: 200, width: 1400, height: 900 };
    expect(clampBounds(saved, [primary, right])).toEqual(saved);
  });

  it('pulls a half-off-screen window fully onto the display it overlaps most', () => {
    expect(clampBounds({ x: 1500, y: -50, width: 1000, height: 700 }, [primary])).toEqual({ x: 920, y: 0, width: 1000, height: 700 });
    expect(clampBounds({ x: -300, y: 600, width: 1000, height: 700 }, [primary])).toEqual({ x: 0, y: 340, width: 1000, height: 700 });
  });

  it('centres on the primary display when the saved display is gone', () => {
    const saved = { x: 2200, y: 100, width: 1200, height: 800 };
    expect(clampBounds(saved, [primary])).toEqual({ x: 360, y: 120, width: 1200, height: 800 });
  });

  it('shrinks a window larger than its display', () => {
    expect(clampBounds({ x: 0, y: 0, width: 4000, height: 3000 }, [primary])).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('grows a window below the minimum size', () => {
    const r = clampBounds({ x: 10, y: 10, width: 200, height: 100 }, [primary]);
    expect(r).toEqual({ x: 10, y: 10, width: MIN_WINDOW_WIDTH, height: MIN_WINDOW_HEIGHT });
  });

  it('respects a work area that does not start at 0,0 (taskbar on the left or top)', () => {
    const area = { x: 72, y: 28, width: 1848, height: 1052 };
    expect(clampBounds({ x: 0, y: 0, width: 1000, height: 700 }, [area])).toEqual({ x: 72, y: 28, width: 1000, height: 700 });
  });
});

describe('window state file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('round-trips through the data dir', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'outpost-window-state-'));
    expect(loadWindowState(dir)).toBeNull();
    const state = { bounds: { x: 5, y: 6, width: 1100, height: 700 }, maximized: true };
    saveWindowState(dir, state);
    expect(loadWindowState(dir)).toEqual(state);
    expect(JSON.parse(readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(state);
  });

  it('ignores a damaged file', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'outpost-window-state-'));
    writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"bounds": {"x": 1');
    expect(loadWindowState(dir)).toBeNull();
  });

  it.each(['null', '{}', '{"bounds":{"x":0,"y":0,"width":"wide","height":1}}', '{"bounds":{"x":0,"y":0,"width":0,"height":10}}'])(
    'rejects malformed state %s',
    (json) => expect(parseWindowState(json)).toBeNull(),
  );

  it('treats a missing maximized flag as false', () => {
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":900,"height":600}}')).toEqual({
      bounds: { x: 0, y: 0, width: 900, height: 600 },
      maximized: false,
    });
  });
});
