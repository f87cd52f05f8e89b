import { describe, expect, it } from 'vitest';
import { createWindowOptions, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from './window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs' });
  const prefs = options.webPreferences ?? {};

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and unsafe features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs.spellcheck).toBe(false);
  });

  it('uses the given preload and no other script', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('disables developer tools unless asked', () => {
    expect(prefs.devTools).toBe(false);
    expect(createWindowOptions({ preloadPath: '/p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('starts hidden with a title and a minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Outpost');
    expect(options.minWidth).toBe(MIN_WINDOW_WIDTH);
    expect(options.minHeight).toBe(MIN_WINDOW_HEIGHT);
    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
  });

  it('applies restored bounds but never below the minimum size', () => {
    const restored = createWindowOptions({ preloadPath: '/p', bounds: { x: 10, y: 20, width: 1400, height: 900 } });
    expect(restored).toMatchObject({ x: 10, y: 20, width: 1400, height: 900 });
    const tiny = createWindowOptions({ preloadPath: '/p', bounds: { width: 100, height: 100 } });
    expect(tiny.width).toBe(MIN_WINDOW_WIDTH);
    expect(tiny.height).toBe(MIN_WINDOW_HEIGHT);
  });
});
