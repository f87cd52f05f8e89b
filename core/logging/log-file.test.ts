import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, logDirectory, startLogFile } from './log-file';
import { createLogger } from './logger';

const dirs: string[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempLogDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-log-file-'));
  dirs.push(dataDir);
  return logDirectory(dataDir);
}

describe('startLogFile', () => {
  it('writes every logged line to <data>/logs/outpost.log, and stops when told', () => {
    const dir = tempLogDir();
    stops.push(startLogFile(dir));
    createLogger('test.file').warn('written to the file', { n: 1 });
    const text = fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toMatch(/^\S+Z WARN  \[test\.file\] written to the file \{"n":1\}\n$/);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, LOG_FILE_NAME)).mode & 0o777).toBe(0o600);
    stops.pop()!();
    createLogger('test.file').warn('after the stop');
    expect(fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8')).not.toContain('after the stop');
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = tempLogDir();
    stops.push(startLogFile(dir, { maxBytes: 300, keep: 2 }));
    const log = createLogger('test.rotate');
    for (let i = 0; i < 20; i += 1) log.warn(`line ${String(i).padStart(2, '0')} ${'x'.repeat(60)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['outpost.1.log', 'outpost.2.log', 'outpost.log']);
    for (const file of files) expect(fs.statSync(path.join(dir, file)).size).toBeLessThanOrEqual(300);
    expect(fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8')).toContain('line 19');
    expect(fs.readFileSync(path.join(dir, 'outpost.2.log'), 'utf8')).not.toContain('line 00');
  });
});
