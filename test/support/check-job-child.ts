// A core in a child process, for the "host killed mid-job" test: opens the core on the data
// directory given, starts a check of the site's targets one at a time, prints the job id as a
// JSON line and keeps running until the test kills it with SIGKILL.
// Run with `node --import tsx test/support/check-job-child.ts <dataDir> <siteId>`.
import { openCore } from '../../core/outpost-core';

const [dataDir, siteId] = process.argv.slice(2);
if (!dataDir || !siteId) throw new Error('usage: check-job-child.ts <dataDir> <siteId>');

const core = openCore({ dataDir, shell: 'test', appVersion: '0.0.0-test', resumeCheckJobs: false });
const started = core.dispatch('checks.start', { siteId, concurrency: 1 });
if (!started.ok) throw new Error(`checks.start failed: ${started.error.message}`);
process.stdout.write(`${JSON.stringify(started.value)}\n`);
// Stay alive: the job runs in the background until the test kills this process.
setInterval(() => undefined, 1000);
