import { parseArgs } from 'node:util';
import type { CliCommand } from './command';

const USAGE = `outpost server start [--port 8787] [--host 127.0.0.1] [--data-dir DIR] [--trust-proxy]
  Serves the central server. PGlite in DIR (default OUTPOST_SERVER_DATA or ./.outpost-server-data),
  or PostgreSQL when DATABASE_URL is set. Stops gracefully on SIGTERM / Ctrl-C.
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `outpost server …`: the central server and its accounts (code under server/, loaded on use). */
export const serverCommand: CliCommand = {
  name: 'server',
  summary: 'Run the central sync server; manage its users and devices',
  get usage() {
    return `${USAGE}\n(run "outpost server user" for user, device and retention commands)`;
  },
  async run(args, io) {
    const [group, ...rest] = args;
    if (group === 'user' || group === 'device' || group === 'purge-tombstones') {
      const { runAdminCommand } = await import('../../server/admin/admin-commands');
      return runAdminCommand(group, rest, { ...io, readStdin });
    }
    if (group !== 'start') {
      const { ADMIN_USAGE } = await import('../../server/admin/admin-commands');
      io.err(`${USAGE}\n${ADMIN_USAGE}`);
      return 2;
    }
    const { values } = parseArgs({
      args: rest,
      options: {
        port: { type: 'string', default: process.env.PORT ?? '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
      },
      strict: true,
    });
    const port = Number.parseInt(values.port, 10);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`--port must be a port number, not "${values.port}"`);
      return 2;
    }
    const { startServer } = await import('../../server/start-server');
    const { DataDirInUseError } = await import('../../server/db/data-dir-lock');
    try {
      await startServer({ host: values.host, port, dataDir: values['data-dir'], trustProxy: values['trust-proxy'], handleSignals: true });
    } catch (error) {
      if (error instanceof DataDirInUseError) {
        io.err(error.message);
        return 1;
      }
      throw error;
    }
    // Runs until SIGTERM / SIGINT, whose handler closes the server and exits.
    return new Promise<number>(() => undefined);
  },
};
