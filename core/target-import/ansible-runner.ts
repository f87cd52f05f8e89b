import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { IMPORT_FILE_MAX_BYTES } from '../../shared/contract/inventory-import-methods';
import { redactSecrets } from '../../shared/target-import/secrets';
import { createLogger } from '../logging/logger';
import { DomainError } from '../services/domain-error';

const log = createLogger('target-import');

const TIME_LIMIT_MS = 120_000;
const STDERR_SHOWN = 4000;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `ansible-inventory` on PATH, else /usr/bin; null when neither exists. */
export function findAnsibleInventory(pathEnv = process.env.PATH ?? ''): string | null {
  for (const dir of pathEnv.split(delimiter)) {
    if (dir && executable(join(dir, 'ansible-inventory'))) return join(dir, 'ansible-inventory');
  }
  return executable('/usr/bin/ansible-inventory') ? '/usr/bin/ansible-inventory' : null;
}

/**
 * Runs `ansible-inventory -i SOURCE --list` without a shell, with a time and an output limit, and
 * returns its JSON text. A source Ansible cannot parse fails (not the implicit localhost of a
 * warning), and the failure carries its error output.
 */
export function runAnsibleInventory(source: string, binary = findAnsibleInventory()): Promise<string> {
  if (!binary) return Promise.reject(new DomainError('rule', 'ansible-inventory is not installed on this computer'));
  const env = {
    ...process.env,
    ANSIBLE_INVENTORY_UNPARSED_FAILED: 'True',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
    ANSIBLE_RETRY_FILES_ENABLED: 'False',
  };
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      ['-i', source, '--list'],
      { shell: false, timeout: TIME_LIMIT_MS, maxBuffer: IMPORT_FILE_MAX_BYTES, env, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) {
          log.info('ansible-inventory ran', { bytes: stdout.length });
          resolve(stdout);
          return;
        }
        const err = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        const why =
          err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
            ? `its output is larger than ${IMPORT_FILE_MAX_BYTES / 1048576} MB`
            : err.killed
              ? `it did not finish within ${TIME_LIMIT_MS / 1000} s`
              : `it exited with status ${String(err.code ?? '?')}`;
        // Ansible quotes the inventory line it could not parse: secret values in it are hidden.
        const shown = redactSecrets(stderr.trim().slice(-STDERR_SHOWN));
        log.warn('ansible-inventory failed', { why });
        reject(new DomainError('rule', `ansible-inventory failed: ${why}${shown ? `\n${shown}` : ''}`));
      },
    );
  });
}
