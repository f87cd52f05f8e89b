import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-dir';

export interface LaunchOptions {
  browser: boolean;
  port: number;
  open: boolean;
  dataDir: string;
  demo: boolean;
  help: boolean;
}

export const DEFAULT_PORT = 4780;

export const USAGE = `Usage: npm start -- [options]

  --browser          use the browser shell even where Electron is installed
  --port N           browser shell port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 = any free port)
  --no-open          do not open a browser window (browser shell)
  --data-dir DIR     where Outpost keeps its database (also OUTPOST_DATA_DIR)
  --demo             start with a demo profile and the sample deployment
  --help             show this text`;

/** Parses the options both shells accept. Throws with a readable message on a bad option. */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      browser: { type: 'boolean', default: false },
      port: { type: 'string' },
      open: { type: 'boolean', default: true },
      'no-open': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  return {
    browser: values.browser,
    port,
    open: values.open && !values['no-open'],
    dataDir: values['data-dir'] ?? env.OUTPOST_DATA_DIR ?? defaultDataDir(),
    demo: values.demo,
    help: values.help,
  };
}
