// `npm run soak -- --trials N [--seed S] [--backend pglite|postgresql] [--minutes M] [--results FILE]`: the convergence
// trial (test/support/convergence-trial.ts: four devices, random offline work, network faults, random
// sync orders) N times, each with its own seed, bounded in time. Prints trials, operations, lost,
// doubled and unconverged counts, and the first failing seed with a one-line reproduction; writes the
// soak.* figures into test/bench/results/latest.json. Exit 1 when a trial failed.
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

/** The scenario of one seed: the same seed always gives the same trial. */
export function scenarioOfSeed(seed: number): Scenario {
  return fc.sample(scenario, { seed, numRuns: 1 })[0]!;
}

interface SoakFigures {
  trials: number;
  ops: number;
  lost: number;
  doubled: number;
  unconverged: number;
  failed: number;
  firstFailingSeed: number | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { trials: { type: 'string', default: '100' }, seed: { type: 'string' }, backend: { type: 'string', default: 'pglite' }, minutes: { type: 'string', default: '60' }, results: { type: 'string', default: RESULTS } },
  });
  const trials = Number(values.trials);
  const minutes = Number(values.minutes);
  const backend = values.backend as ServerBackend;
  if (!Number.isSafeInteger(trials) || trials < 1 || !(minutes > 0) || !SERVER_BACKENDS.includes(backend)) {
    process.stderr.write('usage: npm run soak -- --trials N [--seed S] [--backend pglite|postgresql] [--minutes M] [--results FILE]\n');
    process.exit(2);
  }
  // Fresh seeds unless one is given: trial i uses seed + i.
  const baseSeed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 30);
  const deadline = Date.now() + minutes * 60_000;

  const rig = await startConvergenceRig(backend);
  const figures: SoakFigures = { trials: 0, ops: 0, lost: 0, doubled: 0, unconverged: 0, failed: 0, firstFailingSeed: null };
  let fleet: Fleet | null = null;
  const started = Date.now();
  try {
    for (let i = 0; i < trials && Date.now() < deadline; i += 1) {
      if (i % TRIALS_PER_FLEET === 0) {
        fleet?.close();
        fleet = await openFleet(rig.server, rig.proxy, `s${i / TRIALS_PER_FLEET}-`, 15_000);
      }
      const seed = baseSeed + i;
      const outcome = await runTrial(fleet!, scenarioOfSeed(seed));
      figures.trials += 1;
      figures.ops += outcome.ops;
      figures.lost += outcome.lost;
      figures.doubled += outcome.doubled;
      figures.unconverged += outcome.unconverged;
      if (outcome.failures.length > 0) {
        figures.failed += 1;
        figures.firstFailingSeed ??= seed;
        process.stdout.write(`trial ${i + 1} seed ${seed} FAILED:\n  ${outcome.failures.join('\n  ')}\n`);
      }
      if ((i + 1) % 50 === 0) process.stdout.write(`${i + 1} trials, ${figures.failed} failed, ${Math.round((Date.now() - started) / 1000)} s\n`);
    }
  } finally {
    fleet?.close();
    await rig.stop();
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(
    `\nsoak on ${backend}: ${figures.trials} trials (seeds ${baseSeed}..${baseSeed + figures.trials - 1}) in ${seconds} s: ` +
      `${figures.ops} operations, ${figures.lost} lost, ${figures.doubled} doubled, ${figures.unconverged} unconverged, ${figures.failed} failed trials\n`,
  );
  if (figures.trials < trials) process.stdout.write(`stopped at the ${minutes}-minute bound after ${figures.trials} of ${trials} trials\n`);
  if (figures.firstFailingSeed !== null) {
    process.stdout.write(`first failing seed ${figures.firstFailingSeed}; reproduce: npm run soak -- --trials 1 --seed ${figures.firstFailingSeed} --backend ${backend}\n`);
  }
  const results = values.results;
  const previous = fs.existsSync(results) ? (JSON.parse(fs.readFileSync(results, 'utf8')) as Record<string, unknown>) : {};
  fs.mkdirSync(path.dirname(results), { recursive: true });
  fs.writeFileSync(
    results,
    `${JSON.stringify(
      {
        ...previous,
        'soak.trials': figures.trials,
        'soak.ops': figures.ops,
        'soak.lost': figures.lost,
        'soak.doubled': figures.doubled,
        'soak.unconverged': figures.unconverged,
        'soak.failed_trials': figures.failed,
        'soak.seeds': `${baseSeed}..${baseSeed + figures.trials - 1}`,
        'soak.backend': backend,
        'soak.seconds': seconds,
        'soak.recorded_at': new Date().toISOString(),
      },
      null,
      2,
    )}\n`,
  );
  process.exit(figures.failed > 0 ? 1 : 0);
}

await main();
