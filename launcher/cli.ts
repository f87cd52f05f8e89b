import { StartupError } from '../core/runtime/startup-error';
import type { CliIo } from './commands/command';
import { CLI_COMMANDS } from './commands';
import { exitWhenWritten } from './exit-when-written';

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function usage(): string {
  const width = Math.max(...CLI_COMMANDS.map((c) => c.name.length));
  return [
    'Usage: outpost <command> [options]',
    '',
    ...CLI_COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'outpost <command> --help for its options.',
  ].join('\n');
}

/** `outpost`: the command-line face of the same core the shells use. */
async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.err(
      error instanceof StartupError ? `Outpost cannot open its data: ${error.message}` : `outpost ${name}: ${(error as Error).message}`,
    );
    return 2;
  }
}

main(process.argv.slice(2)).then(exitWhenWritten);
