// `npm run setup:electron`: the setup steps of `npm start` without opening anything (CI, release
// builds, `npm run dist`). Exits non-zero naming the step that failed, instead of falling back.
import { findProjectRoot } from '../project-paths';
import { prepareElectron } from './prepare-electron';
import { defaultSetupContext } from './setup-context';

const say = (line: string) => process.stdout.write(`${line}\n`);

const result = await prepareElectron(defaultSetupContext(findProjectRoot(), say));
if (result.ok) {
  say(`Electron is ready: ${result.binary}${result.ran.length === 0 ? ' (nothing to do)' : ''}`);
} else {
  say(`Electron setup failed at step "${result.step}": ${result.reason}.`);
  process.exitCode = 1;
}
