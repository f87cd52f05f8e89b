import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { createLogger } from '../core/logging/logger';
import { DEFAULT_WINDOW_HEIGHT, DEFAULT_WINDOW_WIDTH, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, type WindowBounds } from './window-options';

const log = createLogger('electron.window-state');

export const WINDOW_STATE_FILE = 'window-state.json';
const SAVE_DELAY_MS = 500;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return isFiniteNumber(r.x) && isFiniteNumber(r.y) && isFiniteNumber(r.width) && isFiniteNumber(r.height);
}

/** Parse a saved state; anything malformed counts as no state at all. */
export function parseWindowState(json: string): WindowState | null {
  try {
    const value = JSON.parse(json) as Record<string, unknown> | null;
    if (!value || !isRect(value.bounds) || value.bounds.width <= 0 || value.bounds.height <= 0) return null;
    return { bounds: value.bounds, maximized: value.maximized === true };
  } catch {
    return null;
  }
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to put a window given its saved bounds and the displays' work areas (primary first).
 * - No saved bounds, or no displays: default size, let the OS centre it.
 * - Saved bounds that no longer meet any display (a monitor was unplugged): keep the size, centre
 *   on the primary display.
 * - Otherwise: on the display it overlaps most, shrunk to fit and moved fully inside.
 */
export function clampBounds(saved: Rect | null | undefined, workAreas: readonly Rect[]): WindowBounds {
  const primary = workAreas[0];
  if (!saved || !primary) return { width: DEFAULT_WINDOW_WIDTH, height: DEFAULT_WINDOW_HEIGHT };

  let target: Rect | undefined;
  let best = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > best) {
      best = overlap;
      target = area;
    }
  }
  const visible = target !== undefined;
  const area = target ?? primary;

  const width = Math.round(Math.min(Math.max(saved.width, MIN_WINDOW_WIDTH), area.width));
  const height = Math.round(Math.min(Math.max(saved.height, MIN_WINDOW_HEIGHT), area.height));
  if (!visible) {
    return {
      width,
      height,
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
    };
  }
  const x = Math.round(Math.min(Math.max(saved.x, area.x), area.x + area.width - width));
  const y = Math.round(Math.min(Math.max(saved.y, area.y), area.y + area.height - height));
  return { width, height, x, y };
}

export function loadWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const temp = `${file}.tmp`;
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (error) {
    log.warn('could not save window state', { error: String(error) });
  }
}

/** Save bounds and maximized state on move/resize (debounced) and on close. */
export function trackWindowState(win: BrowserWindow, dataDir: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const snapshot = (): WindowState => ({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!win.isDestroyed() && !win.isMinimized()) saveWindowState(dataDir, snapshot());
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', saveNow);
}
