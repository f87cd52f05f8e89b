// A device in a child process, for the "client killed mid-sync" test: opens the core on the data
// directory given as argument (already signed in), reports the engine's progress on stdout as JSON
// lines every few milliseconds, and syncs until the outbox is empty. The test kills it with SIGKILL
// somewhere in the middle. Run with `node --import tsx test/support/sync-child.ts <dataDir>`.
import { openCore } from '../../core/outpost-core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: sync-child.ts <dataDir>');

const core = openCore({ dataDir, shell: 'test', appVersion: '0.0.0-test', sync: { intervalMs: false, requestTimeoutMs: 10_000 } });
const report = () => {
  const status = core.syncEngine.status();
  process.stdout.write(`${JSON.stringify({ pending: status.pendingOperations, progress: status.progress })}\n`);
};
const timer = setInterval(report, 5);

async function main(): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const outcome = await core.syncEngine.runOnce();
    if (outcome.ok && core.syncEngine.status().pendingOperations === 0) break;
  }
  clearInterval(timer);
  report();
  core.close();
}

void main();
