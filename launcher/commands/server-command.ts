import { parseArgs } from 'node:util';
import os from 'node:os';
import type { CliCommand, CliIo } from './command';

const USAGE = `outpost server start [--port 8787] [--host 127.0.0.1] [--data-dir DIR] [--tls-cert FILE --tls-key FILE] [--trust-proxy N]
  Serves the central server. PGlite in DIR (default OUTPOST_SERVER_DATA or ./.outpost-server-data),
  or PostgreSQL when DATABASE_URL is set. Stops gracefully on SIGTERM / Ctrl-C.
  --tls-cert / --tls-key (or OUTPOST_TLS_CERT / OUTPOST_TLS_KEY): serve HTTPS with this PEM pair.
  --trust-proxy N (or OUTPOST_TRUST_PROXY): N reverse proxies stand in front; the client address is
  the N-th X-Forwarded-For entry from the right (anything a client adds on the left is ignored).
outpost server cert create [--out DIR] [--name HOST]... [--days 825] [--force]
  Writes a self-signed certificate and key (DIR/outpost-server.crt, .key; default DIR is
  ./outpost-tls) for HOST (repeatable; localhost, 127.0.0.1 and ::1 are always included) and prints
  its SHA-256 fingerprint: desktops show it at first sign-in, compare it before trusting.
`;

/** `--trust-proxy N`: a whole number of hops, 0 to 10. */
function parseTrustProxy(value: string | undefined): number | string {
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,2}$/.test(value) || Number(value) > 10)
    return `--trust-proxy must be the number of reverse proxies in front of the server (0-10), not "${value}"`;
  return Number(value);
}

async function runCertCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'create') {
    io.err(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: [...rest],
    options: {
      out: { type: 'string', default: 'outpost-tls' },
      name: { type: 'string', multiple: true },
      days: { type: 'string', default: '825' },
      force: { type: 'boolean' },
    },
    strict: true,
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    io.err(`--days must be 1-3650, not "${values.days}"`);
    return 2;
  }
  const { createSelfSignedPair, writePair } = await import('../../server/tls/create-self-signed');
  const names = values.name ?? [];
  const pair = await createSelfSignedPair({ names: names.length > 0 ? names : [os.hostname()], days });
  const files = writePair(values.out, 'outpost-server', pair, values.force ?? false);
  io.out(`certificate: ${files.certFile}`);
  io.out(`key:         ${files.keyFile} (keep it private)`);
  io.out(`valid until: ${pair.notAfter}`);
  io.out(`SHA-256 fingerprint: ${pair.fingerprint}`);
  io.out(`Start with: outpost server start --tls-cert ${files.certFile} --tls-key ${files.keyFile}`);
  io.out('Give the fingerprint to the people who sign in (by a channel you trust): the desktop shows it at first sign-in.');
  return 0;
}

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
    if (
      group === 'user' ||
      group === 'device' ||
      group === 'purge-tombstones' ||
      group === 'check-rows' ||
      group === 'purge-blobs' ||
      group === 'app-release'
    ) {
      const { runAdminCommand } = await import('../../server/admin/admin-commands');
      return runAdminCommand(group, rest, { ...io, readStdin });
    }
    if (group === 'cert') return runCertCommand(rest, io);
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
        'trust-proxy': { type: 'string', default: process.env.OUTPOST_TRUST_PROXY },
        'tls-cert': { type: 'string', default: process.env.OUTPOST_TLS_CERT },
        'tls-key': { type: 'string', default: process.env.OUTPOST_TLS_KEY },
      },
      strict: true,
    });
    const port = Number.parseInt(values.port, 10);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`--port must be a port number, not "${values.port}"`);
      return 2;
    }
    const trustProxy = parseTrustProxy(values['trust-proxy']);
    if (typeof trustProxy === 'string') {
      io.err(trustProxy);
      return 2;
    }
    const { startServer } = await import('../../server/start-server');
    const { DataDirInUseError } = await import('../../server/db/data-dir-lock');
    const { loadServerTls, tlsFilesFrom, TlsConfigError } = await import('../../server/tls/certificate-files');
    try {
      const files = tlsFilesFrom(values['tls-cert'], values['tls-key']);
      const tls = files ? loadServerTls(files.certFile, files.keyFile) : undefined;
      await startServer({ host: values.host, port, dataDir: values['data-dir'], trustProxy, ...(tls ? { tls } : {}), handleSignals: true });
    } catch (error) {
      if (error instanceof DataDirInUseError || error instanceof TlsConfigError) {
        io.err(error.message);
        return 1;
      }
      throw error;
    }
    // Runs until SIGTERM / SIGINT, whose handler closes the server and exits.
    return new Promise<number>(() => undefined);
  },
};
