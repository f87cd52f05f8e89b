import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { openSampleCore } from '../support/temp-core';

// The data directory holds SSH secrets, the signing key, tokens and customer data: a real core,
// used the way a technician does (sample plan, attachment, sign-off, PDF, secret, a backup on
// reopening), leaves nothing another local user can read: directories 0700, files 0600.

function walk(dir: string): { file: string; mode: number; directory: boolean }[] {
  const found = [{ file: dir, mode: fs.statSync(dir).mode & 0o777, directory: true }];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(file));
    else found.push({ file, mode: fs.statSync(file).mode & 0o777, directory: false });
  }
  return found;
}

describe.skipIf(process.platform === 'win32')('data directory permissions', () => {
  it('creates the data directory 0700 and every file in it 0600, backups included', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-modes-'));
    const dataDir = path.join(parent, 'Outpost'); // created by the core, as on first start
    const previous = process.umask(0o022); // the common default: new files would be 0644
    try {
      const first = openSampleCore({ dataDir });
      const { site } = first;
      let core = first.core;
      core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(2) });
      const { sheet } = signSite(core, site.id, { decision: 'accepted_with_exceptions' });
      for (let i = 0; i < 200 && core.call('signoff.exportPdf', { sheetId: sheet.id }).status !== 'ready'; i++)
        await new Promise((r) => setTimeout(r, 25));
      core.secrets.set('test:secret', 'hunter2');
      core.close();
      core = openSampleCore({ dataDir }).core; // reopening writes the routine backup
      core.close();

      const entries = walk(dataDir);
      const rel = (e: { file: string }) => path.relative(dataDir, e.file) || '.';
      expect(
        entries.some((e) => e.file.includes(`${path.sep}backups${path.sep}`) && !e.directory),
        'a backup was written',
      ).toBe(true);
      expect(
        entries.some((e) => e.file.includes(`${path.sep}attachments${path.sep}`) && !e.directory),
        'attachments were written',
      ).toBe(true);
      expect(entries.some((e) => path.basename(e.file) === 'outpost.db')).toBe(true);
      const wrong = entries.filter((e) => e.mode !== (e.directory ? 0o700 : 0o600)).map((e) => `${rel(e)} ${e.mode.toString(8)}`);
      expect(wrong).toEqual([]);
    } finally {
      process.umask(previous);
    }
  });

  it('narrows an existing data directory and database from an older version', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-modes-old-'));
    fs.chmodSync(dataDir, 0o755);
    const { core } = openSampleCore({ dataDir });
    core.close();
    fs.chmodSync(path.join(dataDir, 'outpost.db'), 0o644);
    fs.chmodSync(dataDir, 0o755);
    openSampleCore({ dataDir }).core.close();
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'outpost.db')).mode & 0o777).toBe(0o600);
  });
});
