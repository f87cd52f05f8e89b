import { defaultDataDir } from '../data-dir';

/** Bad options, an unknown name, a profile that may not do it: the command exits 2. */
export class UsageError extends Error {}

/** The data directory a command opens: `--data-dir`, else OUTPOST_DATA_DIR, else the default. */
export function cliDataDir(option: string | undefined): string {
  return option ?? process.env.OUTPOST_DATA_DIR ?? defaultDataDir();
}

/** The one deployment with this exact name; none or several is a usage error. */
export function deploymentIdByName(deployments: readonly { id: string; name: string }[], name: string): string {
  const found = deployments.filter((d) => d.name === name);
  if (found.length === 0) throw new UsageError(`No deployment is named "${name}"`);
  if (found.length > 1) throw new UsageError(`${found.length} deployments are named "${name}"; rename one first`);
  return found[0]!.id;
}
