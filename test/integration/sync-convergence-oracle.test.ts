import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { convergenceExamples } from '../support/convergence-examples';
import { openFleet, runTrial, startConvergenceRig, type ConvergenceRig, type Fleet } from '../support/convergence-trial';

// Issue #18: the convergence oracle must catch a server that replaces a value without recording it.
// Deliberately broken server builds: `none` records no overwrite at all; `rowLastWriter` is the rule
// before #18 (a write is concurrent only when another device wrote the row last), which the fixed
// counterexamples broke.
const broken = vi.hoisted(() => ({ mode: 'none' as 'none' | 'rowLastWriter' }));
vi.mock('../../server/sync/column-writes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/sync/column-writes')>();
  return {
    ...original,
    replacesUnseenValue: (...[doc, column, base, device]: Parameters<typeof original.replacesUnseenValue>) =>
      broken.mode === 'none' ? false : original.replacesUnseenValue({ ...doc, writes: null }, column, base, device),
  };
});

let rig: ConvergenceRig;
let fleet: Fleet;

beforeAll(async () => {
  rig = await startConvergenceRig('pglite');
  fleet = await openFleet(rig.server, rig.proxy);
}, 120_000);

afterAll(async () => {
  fleet?.close();
  await rig?.stop();
});

it.each(['none', 'rowLastWriter'] as const)(
  'reports every replaced site status when the server records overwrites wrongly (%s)',
  async (mode) => {
    broken.mode = mode;
    for (const example of convergenceExamples.filter((e) => e.why.startsWith('#18'))) {
      // The fault proxy cuts requests by time as well as by seed, so on a busy machine one run may push
      // the two writes together and never meet the broken rule: the oracle must catch it within three.
      let caught = false;
      for (let run = 0; run < 3 && !caught; run += 1) {
        const outcome = await runTrial(fleet, example.scenario);
        caught = outcome.failures.some((f) => /status .* was replaced by .* and not recorded/.test(f));
        // Nothing else is broken: the operations all arrived once and the devices agree.
        expect(outcome.lost + outcome.doubled + outcome.unconverged).toBe(0);
      }
      expect(caught, example.why).toBe(true);
    }
  },
  300_000,
);
