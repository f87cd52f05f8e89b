import { parseArgs } from 'node:util';
import { openCore } from '../../core/outpost-core';
import { defaultDataDir } from '../data-dir';
import type { CliCommand } from './command';

/** `outpost info`: where the data lives and which schema it is at. */
export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show the data directory, schema version and deployments',
  usage: 'outpost info [--data-dir DIR]',
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { 'data-dir': { type: 'string' } }, strict: true });
    const dataDir = values['data-dir'] ?? process.env.OUTPOST_DATA_DIR ?? defaultDataDir();
    const core = openCore({ dataDir, shell: 'test' });
    try {
      io.out(`data directory: ${dataDir}`);
      io.out(`schema version: ${core.schemaVersion}`);
      const deployments = core.dispatch('deployments.list', {});
      if (deployments.ok) {
        for (const d of deployments.value as { name: string; version: string; siteCount: number }[])
          io.out(`deployment: ${d.name} ${d.version} (${d.siteCount} sites)`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
