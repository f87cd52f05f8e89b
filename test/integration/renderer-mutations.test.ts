import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiContract, type ApiMethod } from '../../shared/contract';

/**
 * Every change a screen makes goes through the mutation hook (renderer/api/useMutation.ts, or
 * runCommand for a plain function; both end in send-mutation.ts): that is where a double submit is
 * stopped, the error shown once and the topics refreshed. This reads the renderer's sources and
 * fails on the pattern the hook replaced: a raw `call` of a changing method, or a hand-made
 * `bumpTopics`, outside renderer/api. The few exceptions are listed with their reason.
 */

/** Changing methods a screen may call raw: they answer with a file or start background work; nothing on screen waits on them. */
const RAW_CALL_ALLOWED: Partial<Record<ApiMethod, string>> = {
  'calendar.deployment': 'a file export (the answer is the .ics); it only numbers the events it sent',
  'calendar.technician': 'a file export (the answer is the .ics)',
  'calendar.siteOwner': 'a file export (the answer is the .ics)',
  'inventoryImport.upload': 'file transfer in chunks, before an import preview',
  'inventoryImport.preview': 'stages an import preview; the import itself goes through the hook',
  'targetImport.preview': 'stages an import preview; the import itself goes through the hook',
  'sync.now': 'starts a sync in the background; the status poll refreshes what it brings',
};

/** Files that refresh topics themselves: they watch work running in the background, not a change they sent. */
const OBSERVERS: Record<string, string> = {
  'renderer/sync/useSyncPoller.ts': 'a sync (automatic or not) pulled news',
  'renderer/sync/PrepareSitesModal.tsx': 'the background "Prepare for site" run was seen done',
  'renderer/site/machines/useCheckJob.ts': 'the background check job stored a host’s run',
};

function rendererSources(dir = path.resolve('renderer')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full.endsWith(`${path.sep}api`) ? [] : rendererSources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const contract = apiContract as Record<string, { mutates: boolean }>;

describe('renderer mutations go through one hook', () => {
  const files = rendererSources().map((file) => ({ file: path.relative(process.cwd(), file), text: fs.readFileSync(file, 'utf8') }));

  it('reads the renderer', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.text.includes('useMutation('))).toBe(true);
  });

  it('no screen calls a changing method raw, except the listed exports and background starts', () => {
    const raw = files.flatMap(({ file, text }) =>
      [...text.matchAll(/\bcall\(\s*'([A-Za-z]+\.[A-Za-z]+)'/g)]
        .map((m) => m[1]!)
        .filter((method) => contract[method]?.mutates === true && !(method in RAW_CALL_ALLOWED))
        .map((method) => `${file}: ${method}`),
    );
    expect(raw).toEqual([]);
  });

  it('no screen refreshes topics by hand, except the listed observers of background work', () => {
    const bumping = files.filter(({ text }) => /\bbumpTopics\(/.test(text)).map((f) => f.file);
    expect(bumping.filter((file) => !(file in OBSERVERS))).toEqual([]);
  });

  it('the exceptions are still needed (a stale entry would hide nothing)', () => {
    const calledRaw = new Set(files.flatMap(({ text }) => [...text.matchAll(/\bcall\(\s*'([A-Za-z]+\.[A-Za-z]+)'/g)].map((m) => m[1]!)));
    expect(Object.keys(RAW_CALL_ALLOWED).filter((m) => !calledRaw.has(m))).toEqual([]);
    expect(Object.keys(RAW_CALL_ALLOWED).filter((m) => contract[m]?.mutates !== true)).toEqual([]);
    const bumping = new Set(files.filter(({ text }) => /\bbumpTopics\(/.test(text)).map((f) => f.file));
    expect(Object.keys(OBSERVERS).filter((file) => !bumping.has(file))).toEqual([]);
  });
});
