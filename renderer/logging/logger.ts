/** The renderer's only way to write to the developer console. Keep messages free of secrets (no tokens). */
type Level = 'debug' | 'info' | 'warn' | 'error';

function write(level: Level, message: string, detail?: unknown): void {
  // eslint-disable-next-line no-console
  console[level](`[outpost] ${message}`, ...(detail === undefined ? [] : [detail]));
}

export const logger = {
  debug: (message: string, detail?: unknown) => write('debug', message, detail),
  info: (message: string, detail?: unknown) => write('info', message, detail),
  warn: (message: string, detail?: unknown) => write('warn', message, detail),
  error: (message: string, detail?: unknown) => write('error', message, detail),
};
