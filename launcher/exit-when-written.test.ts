import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs a script that writes `bytes` to stdout and exits `how`; reads nothing for the first second. */
function run(how: 'exitWhenWritten' | 'process.exit', bytes: number): Promise<{ code: number | null; received: number }> {
  const script = `
    import { exitWhenWritten } from ${JSON.stringify(path.join(ROOT, 'launcher/exit-when-written.ts'))};
    process.stdout.write('x'.repeat(${bytes}));
    ${how === 'exitWhenWritten' ? 'exitWhenWritten(3);' : 'process.exit(3);'}
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['--eval', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let received = 0;
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 1000);
    child.stdout.on('data', (chunk: Buffer) => (received += chunk.length));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, received }));
  });
}

describe('exitWhenWritten', () => {
  it('exits with the code only after a slow reader has every byte (process.exit alone loses the end)', async () => {
    const bytes = 4 * 1024 * 1024;
    expect(await run('exitWhenWritten', bytes)).toEqual({ code: 3, received: bytes });
    // The control: the same write followed by process.exit() loses what the pipe had not taken.
    const cut = await run('process.exit', bytes);
    expect(cut.code).toBe(3);
    expect(cut.received).toBeLessThan(bytes);
  }, 60_000);
});
