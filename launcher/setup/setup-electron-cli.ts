// `npm run setup:electron`: the setup steps of `npm start` without opening anything (CI, release
// builds). `--module-only`: just the Electron-ABI SQLite module (`npm run dist`; electron-builder
// brings its own Electron). Exits non-zero naming the step that failed, instead of falling back.
import { findProjectRoot } from '../project-paths';
import { prepareElectron, prepareElectronModule } from './prepare-electron';
import { defaultSetupContext } from './setup-context';

const say = (line: string) => process.stdout.write(`${line}\n`);
const ctx = defaultSetupContext(findProjectRoot(), say);

const result = process.argv.includes('--module-only') ? await prepareElectronModule(ctx) : await prepareElectron(ctx);
if (result.ok) {
  say(result.ran.length === 0 ? 'Electron setup: nothing to do.' : `Electron setup: done (${result.ran.join(', ')}).`);
} else {
  say(`Electron setup failed at step "${result.step}": ${result.reason}.`);
  process.exitCode = 1;
}
