/** A named logger writing one line per event to stderr (and a log file, when one is set). Never pass secrets to it. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const wanted = (process.env.OUTPOST_LOG_LEVEL ?? 'info') as LogLevel;
  return ORDER[wanted] ?? ORDER.info;
}

/** Where lines also go besides stderr (the desktop app's log file, core/logging/log-file.ts). */
let sink: ((line: string) => void) | null = null;

export function setLogSink(next: ((line: string) => void) | null): void {
  sink = next;
}

export function createLogger(name: string): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < threshold()) return;
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${name}] ${message}${extra}\n`;
    process.stderr.write(line);
    sink?.(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
