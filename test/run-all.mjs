// `npm test`: lint, format check, type check, build, unit and integration tests (vitest), end-to-end tests
// (Playwright in Debian Chromium; the Electron spec skips with its reason where there is no
// Electron binary). Ends with one line of totals.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format (Prettier)', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['typecheck shared/ (no platform)', 'npx', ['tsc', '-p', 'tsconfig.shared.json']],
  ['build', 'npm', ['run', 'build', '--silent']],
  [
    'unit and integration tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-reports/vitest.json'],
  ],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
];

fs.mkdirSync('test-reports', { recursive: true });
for (const file of ['test-reports/vitest.json', 'test-reports/playwright.json']) fs.rmSync(file, { force: true });

const failedSteps = [];
for (const [name, command, args] of steps) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, OUTPOST_LOG_LEVEL: process.env.OUTPOST_LOG_LEVEL ?? 'warn' },
  });
  process.stdout.write(
    `=== ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (result.status !== 0) failedSteps.push(name);
  if (result.status !== 0 && ['build'].includes(name)) break;
}

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson('test-reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
const playwright = readJson('test-reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  const reasons = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        for (const a of t.annotations ?? []) if (a.type === 'skip') reasons.push(`${spec.title}: ${a.description}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of playwright.suites ?? []) walk(suite);
  for (const reason of reasons) process.stdout.write(`skipped: ${reason}\n`);
}
if (failedSteps.length > 0) process.stdout.write(`failed steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
