import path from 'node:path';

export interface LaunchArgs {
  /** Absolute data directory from --data-dir or OUTPOST_DATA_DIR; null means Electron's userData. */
  dataDir: string | null;
  /** --demo: make sure a profile and the sample deployment exist before the window opens. */
  demo: boolean;
}

function flagValue(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === name) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : null;
    }
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return null;
}

/** Read Outpost's own switches from the command line; everything else belongs to Electron/Chromium. */
export function parseLaunchArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): LaunchArgs {
  const fromFlag = flagValue(argv, '--data-dir');
  const fromEnv = env.OUTPOST_DATA_DIR;
  const chosen = fromFlag?.trim() ? fromFlag.trim() : fromEnv?.trim() ? fromEnv.trim() : null;
  return {
    dataDir: chosen === null ? null : path.resolve(cwd, chosen),
    demo: argv.includes('--demo'),
  };
}
