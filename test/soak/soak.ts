// `npm run soak -- --trials N [--seed S] [--backend pglite|postgresql] [--minutes M] [--request-timeout-ms MS] [--results FILE]`: the convergence
// trial (test/support/convergence-trial.ts: four devices, random offline work, network faults, devices
// killed mid-sync, random sync orders) N times, each with its own seed, bounded in time (the whole run
// by --minutes, each trial by TRIAL_LIMIT_MS). Prints trials, operations, kills, lost, doubled and
// unconverged counts, seconds per trial, and the first failing seed with a one-line reproduction;
// merges the soak.* figures into test/bench/results/latest.json. Exit 1 when a trial failed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { SERVER_BACKENDS, type ServerBackend } from '../support/central-server';
import { openFleet, runTrial, scenario, startConvergenceRig, type Fleet, type Scenario } from '../support/convergence-trial';

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'results', 'latest.json');
/** A fleet serves this many trials, then a new one (new users) takes over: each trial adds a deployment the manager pulls. */
const TRIALS_PER_FLEET = 50;
/** A trial that takes longer has hung (a healthy one takes seconds): it counts as failed and the soak stops, the fleet's state unknown. */
const TRIAL_LIMIT_MS = 180_000;

/** The scenario of one seed: the same seed always gives the same trial. */
export function scenarioOfSeed(seed: number): Scenario {
  return fc.sample(scenario, { seed, numRuns: 1 })[0]!;
}

interface SoakFigures {
  trials: number;
  ops: number;
  kills: number;
  lost: number;
  doubled: number;
  unconverged: number;
  failed: number;
  firstFailingSeed: number | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      trials: { type: 'string', default: '100' },
      seed: { type: 'string' },
      backend: { type: 'string', default: 'pglite' },
      minutes: { type: 'string', default: '60' },
      results: { type: 'string', default: RESULTS },
      // The devices' limit on a sync request: a dropped request (fault proxy) costs this much. The property test's 4 s by default.
      'request-timeout-ms': { type: 'string', default: '4000' },
    },
  });
  const trials = Number(values.trials);
  const minutes = Number(values.minutes);
  const backend = values.backend as ServerBackend;
  const requestTimeoutMs = Number(values['request-timeout-ms']);
  const seedOk = values.seed === undefined || Number.isSafeInteger(Number(values.seed));
  if (
    !Number.isSafeInteger(trials) ||
    trials < 1 ||
    !(minutes > 0) ||
    !SERVER_BACKENDS.includes(backend) ||
    !(requestTimeoutMs >= 500) ||
    !seedOk
  ) {
    process.stderr.write(
      'usage: npm run soak -- --trials N [--seed S] [--backend pglite|postgresql] [--minutes M] [--request-timeout-ms MS] [--results FILE]\n',
    );
    process.exit(2);
  }
  // Fresh seeds unless one is given: trial i uses seed + i.
  const baseSeed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 30);
  const deadline = Date.now() + minutes * 60_000;

  const rig = await startConvergenceRig(backend);
  const figures: SoakFigures = { trials: 0, ops: 0, kills: 0, lost: 0, doubled: 0, unconverged: 0, failed: 0, firstFailingSeed: null };
  let hung = false;
  /** Time inside trials only (a new fleet's users and sign-ins every TRIALS_PER_FLEET trials are left out). */
  let trialMs = 0;
  let fleet: Fleet | null = null;
  const started = Date.now();
  try {
    for (let i = 0; i < trials && Date.now() < deadline; i += 1) {
      if (i % TRIALS_PER_FLEET === 0) {
        fleet?.close();
        fleet = await openFleet(rig.server, rig.proxy, `s${i / TRIALS_PER_FLEET}-`, requestTimeoutMs);
      }
      const seed = baseSeed + i;
      let timer: NodeJS.Timeout | undefined;
      const trialStarted = Date.now();
      const outcome = await Promise.race([
        runTrial(fleet!, scenarioOfSeed(seed)),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), TRIAL_LIMIT_MS))),
      ]).finally(() => clearTimeout(timer));
      trialMs += Date.now() - trialStarted;
      figures.trials += 1;
      if (outcome === null) {
        hung = true;
        figures.failed += 1;
        figures.firstFailingSeed ??= seed;
        process.stdout.write(`trial ${i + 1} seed ${seed} FAILED: no end within ${TRIAL_LIMIT_MS / 1000} s; the soak stops here\n`);
        break;
      }
      figures.ops += outcome.ops;
      figures.kills += outcome.coverage.kills;
      figures.lost += outcome.lost;
      figures.doubled += outcome.doubled;
      figures.unconverged += outcome.unconverged;
      if (outcome.failures.length > 0) {
        figures.failed += 1;
        figures.firstFailingSeed ??= seed;
        process.stdout.write(`trial ${i + 1} seed ${seed} FAILED:\n  ${outcome.failures.join('\n  ')}\n`);
      }
      if ((i + 1) % 50 === 0)
        process.stdout.write(`${i + 1} trials, ${figures.failed} failed, ${Math.round((Date.now() - started) / 1000)} s\n`);
    }
  } finally {
    fleet?.close();
    await rig.stop();
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const perTrial = figures.trials > 0 ? trialMs / 1000 / figures.trials : 0;
  process.stdout.write(
    `\nsoak on ${backend}: ${figures.trials} trials (seeds ${baseSeed}..${baseSeed + figures.trials - 1}) in ${seconds} s (${perTrial.toFixed(1)} s per trial, fleets aside): ` +
      `${figures.ops} operations, ${figures.kills} kills, ${figures.lost} lost, ${figures.doubled} doubled, ${figures.unconverged} unconverged, ${figures.failed} failed trials\n`,
  );
  if (figures.trials < trials && !hung)
    process.stdout.write(`stopped at the ${minutes}-minute bound after ${figures.trials} of ${trials} trials\n`);
  if (figures.firstFailingSeed !== null) {
    process.stdout.write(
      `first failing seed ${figures.firstFailingSeed}; reproduce: npm run soak -- --trials 1 --seed ${figures.firstFailingSeed} --backend ${backend} --request-timeout-ms ${requestTimeoutMs}\n`,
    );
  }
  const results = values.results;
  // Every other group's figures stay; the soak.* keys all describe this run (an older run's extra keys would mislead).
  const read = fs.existsSync(results) ? (JSON.parse(fs.readFileSync(results, 'utf8')) as Record<string, unknown>) : {};
  const previous = Object.fromEntries(Object.entries(read).filter(([key]) => !key.startsWith('soak.')));
  fs.mkdirSync(path.dirname(results), { recursive: true });
  fs.writeFileSync(
    results,
    `${JSON.stringify(
      {
        ...previous,
        'soak.trials': figures.trials,
        'soak.ops': figures.ops,
        'soak.kills': figures.kills,
        'soak.lost': figures.lost,
        'soak.doubled': figures.doubled,
        'soak.unconverged': figures.unconverged,
        'soak.failed_trials': figures.failed,
        'soak.seeds': `${baseSeed}..${baseSeed + figures.trials - 1}`,
        'soak.backend': backend,
        'soak.request_timeout_ms': requestTimeoutMs,
        'soak.seconds': seconds,
        'soak.seconds_per_trial': Number(perTrial.toFixed(2)),
        'soak.recorded_at': new Date().toISOString(),
      },
      null,
      2,
    )}\n`,
  );
  process.exit(figures.failed > 0 ? 1 : 0);
}

await main();
