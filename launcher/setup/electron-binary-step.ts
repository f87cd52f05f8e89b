// Step "Electron binary": run the electron package's own installer (install.js, the same code as
// `npx install-electron`), so ELECTRON_MIRROR, electron_config_cache, electron_use_remote_checksums
// and the rest of @electron/get's settings behave exactly as they do for `npm install`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinaryPath } from '../electron-binary';
import type { SetupContext, StepOutcome } from './setup-context';
import { describeFailure, formatMegabytes } from './step-messages';
import { runTimedProcess } from './timed-process';

const GITHUB_RELEASES = 'https://github.com/electron/electron/releases/download/';

/** Where @electron/get will download from (the first of its mirror settings that is set). */
export function electronMirror(env: NodeJS.ProcessEnv): string {
  return (
    env.npm_config_electron_mirror ??
    env.NPM_CONFIG_ELECTRON_MIRROR ??
    env.npm_package_config_electron_mirror ??
    env.ELECTRON_MIRROR ??
    GITHUB_RELEASES
  );
}

export function electronVersion(electronPackageDir: string): string {
  return (JSON.parse(readFileSync(path.join(electronPackageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Bytes under dir (the installer's private temp dir holds only the download in progress). */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    try {
      total += statSync(path.join(entry.parentPath, entry.name)).size;
    } catch {
      // Renamed into the cache between listing and stat.
    }
  }
  return total;
}

export function hasElectronBinary(ctx: SetupContext): boolean {
  return electronBinaryPath(ctx.electronPackageDir, ctx.env, ctx.platform) !== null;
}

export async function installElectronBinary(ctx: SetupContext): Promise<StepOutcome> {
  const version = electronVersion(ctx.electronPackageDir);
  const mirror = electronMirror(ctx.env);
  ctx.say(
    `  downloading Electron ${version} for ${ctx.platform}-${ctx.arch} from ${mirror} (time limit ${Math.round(ctx.limits.electronBinaryMs / 1000)} s)`,
  );
  // A temp dir of its own, so the heartbeat can say how much has arrived.
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'outpost-electron-install-'));
  try {
    const result = await runTimedProcess({
      command: process.execPath,
      args: [path.join(ctx.electronPackageDir, 'install.js')],
      cwd: ctx.electronPackageDir,
      env: { ...ctx.env, TMPDIR: tempDir, TMP: tempDir, TEMP: tempDir },
      timeoutMs: ctx.limits.electronBinaryMs,
      heartbeatMs: ctx.heartbeatMs,
      // A failed download prints a stack; its head says what happened, the frames are noise here.
      onLine: (line) => {
        if (!/^\s+at /.test(line)) ctx.say(`  [install-electron] ${line}`);
      },
      onHeartbeat: (seconds) => ctx.say(`  … ${seconds} s, ${formatMegabytes(bytesUnder(tempDir))} downloaded`),
    });
    if (result.outcome !== 'exited' || result.code !== 0) {
      return { ok: false, reason: `downloading from ${mirror}: ${describeFailure(result, ctx.limits.electronBinaryMs)}` };
    }
    if (!hasElectronBinary(ctx))
      return { ok: false, reason: 'the installer finished but no Electron executable is on disk (see path.txt in the electron package)' };
    return { ok: true };
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}
