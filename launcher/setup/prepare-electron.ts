// What `npm start` does before opening the Electron window: the steps in order, each only when its
// result is missing, each time-limited. The first failure ends the setup with the step's name and
// the reason; start.ts then says so in one line and starts the browser shell.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { electronBinaryPath } from '../electron-binary';
import { electronVersion, hasElectronBinary, installElectronBinary } from './electron-binary-step';
import { electronSqliteMissing, installElectronSqlite } from './electron-sqlite-step';
import { checkNodeVersion, electronNodeRange } from './node-version';
import type { SetupContext, StepOutcome } from './setup-context';

export const STEP_NAMES = ['Node version', 'Electron binary', 'Electron SQLite module'] as const;
export type StepName = (typeof STEP_NAMES)[number];

export type PrepareResult = { ok: true; binary: string; ran: StepName[] } | { ok: false; step: StepName; reason: string; ran: StepName[] };

interface Step {
  name: StepName;
  /** Why the step has to run, or null when its result is already there. */
  needed: () => string | null;
  run: () => Promise<StepOutcome> | StepOutcome;
  /** Said when the step is not needed. */
  skipped: string;
}

function nodeVersionStep(ctx: SetupContext): StepOutcome {
  const check = checkNodeVersion(ctx.nodeVersion, electronNodeRange(ctx.electronPackageDir));
  if (check.ok)
    ctx.say(`  Node ${ctx.nodeVersion.replace(/^v/, '')}${check.needed ? ` (Electron's installer needs ${check.needed}+)` : ''}`);
  return check;
}

type StepsResult = { ok: true; ran: StepName[] } | { ok: false; step: StepName; reason: string; ran: StepName[] };

async function runSteps(ctx: SetupContext, heading: string, steps: readonly Step[]): Promise<StepsResult> {
  const ran: StepName[] = [];
  ctx.say(`${heading}${ctx.intro ? `; ${ctx.intro}` : ''}.`);
  for (const [index, step] of steps.entries()) {
    const label = `[${index + 1}/${steps.length}] ${step.name}`;
    // A surprise (a folder that cannot be written, say) is still that step's failure, not a crash of npm start.
    let outcome: StepOutcome;
    try {
      const why = step.needed();
      if (why === null) {
        ctx.say(`${label}: ${step.skipped}`);
        continue;
      }
      ctx.say(`${label}: ${why}`);
      ran.push(step.name);
      outcome = await step.run();
    } catch (error) {
      outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    if (!outcome.ok) return { ok: false, step: step.name, reason: outcome.reason, ran };
    ctx.say(`${label}: done`);
  }
  return { ok: true, ran };
}

function sqliteStep(ctx: SetupContext): Step {
  return {
    name: 'Electron SQLite module',
    needed: () => electronSqliteMissing(ctx),
    run: () => installElectronSqlite(ctx),
    skipped: 'already there',
  };
}

function electronPackageMissing(ctx: SetupContext): boolean {
  return !existsSync(path.join(ctx.electronPackageDir, 'package.json'));
}

/** Everything the Electron window needs, in order; nothing at all when it is all there. */
export async function prepareElectron(ctx: SetupContext): Promise<PrepareResult> {
  if (electronPackageMissing(ctx))
    return { ok: false, step: 'Electron binary', reason: 'the electron package is not installed (run npm ci)', ran: [] };
  const binaryMissing = !hasElectronBinary(ctx);
  if (!binaryMissing && electronSqliteMissing(ctx) === null)
    return { ok: true, binary: electronBinaryPath(ctx.electronPackageDir, ctx.env, ctx.platform)!, ran: [] };

  const result = await runSteps(ctx, `Setting up the Electron window (Electron ${electronVersion(ctx.electronPackageDir)})`, [
    // Only the installer needs the newer Node; Electron itself carries its own.
    {
      name: 'Node version',
      needed: () => (binaryMissing ? 'the Electron installer has to run' : null),
      run: () => nodeVersionStep(ctx),
      skipped: 'not needed, Electron is already downloaded',
    },
    {
      name: 'Electron binary',
      needed: () => (hasElectronBinary(ctx) ? null : 'not downloaded'),
      run: () => installElectronBinary(ctx),
      skipped: 'already downloaded',
    },
    sqliteStep(ctx),
  ]);
  if (!result.ok) return result;
  const binary = electronBinaryPath(ctx.electronPackageDir, ctx.env, ctx.platform);
  if (!binary) return { ok: false, step: 'Electron binary', reason: 'no Electron executable after the setup', ran: result.ran };
  return { ok: true, binary, ran: result.ran };
}

/**
 * Only the Electron-ABI SQLite module (`npm run dist`): electron-builder brings its own Electron, so
 * packaging needs neither the binary in node_modules nor the installer's newer Node.
 */
export async function prepareElectronModule(ctx: SetupContext): Promise<StepsResult> {
  if (electronPackageMissing(ctx))
    return { ok: false, step: 'Electron SQLite module', reason: 'the electron package is not installed (run npm ci)', ran: [] };
  if (electronSqliteMissing(ctx) === null) return { ok: true, ran: [] };
  return runSteps(ctx, `Preparing the SQLite module for Electron ${electronVersion(ctx.electronPackageDir)}`, [sqliteStep(ctx)]);
}

/** The one line start.ts prints before the browser shell. */
export function fallbackLine(result: Extract<PrepareResult, { ok: false }>): string {
  return `Starting the browser shell instead of the Electron window: step "${result.step}" failed: ${result.reason}.`;
}
