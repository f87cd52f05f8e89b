import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Outpost';
export const MIN_WINDOW_WIDTH = 960;
export const MIN_WINDOW_HEIGHT = 600;
export const DEFAULT_WINDOW_WIDTH = 1280;
export const DEFAULT_WINDOW_HEIGHT = 820;

/** Where the window goes. x/y are omitted to let the OS centre it. */
export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export interface WindowOptionsInput {
  /** Absolute path to the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  bounds?: WindowBounds;
  /** Developer tools are available only in development builds. */
  devTools?: boolean;
}

/**
 * The one place the main window's options are decided. Every security-relevant web preference is
 * set explicitly, even where it matches Electron's default, so a default changing upstream (or a
 * careless edit here) shows up in the unit test rather than in production.
 */
export function createWindowOptions({ preloadPath, bounds, devTools = false }: WindowOptionsInput): BrowserWindowConstructorOptions {
  const width = Math.max(bounds?.width ?? DEFAULT_WINDOW_WIDTH, MIN_WINDOW_WIDTH);
  const height = Math.max(bounds?.height ?? DEFAULT_WINDOW_HEIGHT, MIN_WINDOW_HEIGHT);
  const position = bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {};
  return {
    title: WINDOW_TITLE,
    width,
    height,
    ...position,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
    },
  };
}
