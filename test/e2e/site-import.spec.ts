import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvOf, openSiteImportCore, siteRows } from '../integration/site-import-fixture';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
const dirs: string[] = [];
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function storedSites(dataDir: string): { code: string; name: string; timeZone: string; windowStart: string | null; notes: string }[] {
  const db = new Database(path.join(dataDir, 'outpost.db'), { readonly: true });
  try {
    return db.prepare('SELECT code, name, time_zone AS timeZone, window_start AS windowStart, notes FROM sites ORDER BY code').all() as {
      code: string;
      name: string;
      timeZone: string;
      windowStart: string | null;
      notes: string;
    }[];
  } finally {
    db.close();
  }
}

test('a release manager imports a site list through the dialog, sees the sites, and a re-import shows only what changed', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-sites-'));
  dirs.push(dataDir);
  openSiteImportCore(dataDir).core.close();
  const rows = siteRows(3);
  const file = path.join(dataDir, 'stores.csv');
  fs.writeFileSync(file, csvOf(rows));
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);
  await page.getByTestId('deployment-row').filter({ hasText: 'Store refresh' }).click();
  await expect(page.getByTestId('deployment-overview')).toContainText('Store refresh');

  await page.getByTestId('import-sites').click();
  const dialog = page.getByTestId('site-import');
  await dialog.getByTestId('site-import-file').setInputFiles(file);
  await expect(dialog.getByTestId('site-import-summary')).toHaveText('3 rows · 3 new · 0 changed · 0 unchanged · 0 with errors');
  await expect(dialog.locator('[data-testid="site-import-diff-row"][data-status="new"]')).toHaveCount(3);
  await expect(dialog.getByRole('combobox', { name: 'Map column TZ' })).toHaveValue('Time zone');

  // The preview with its badges, diff and mapping passes axe (WCAG 2.x A and AA, serious and critical findings).
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="site-import"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  await dialog.getByTestId('site-import-commit').click();
  await expect(dialog).toBeHidden();
  const table = page.getByTestId('sites-table');
  for (const code of ['S0001', 'S0002', 'S0003']) await expect(table).toContainText(code);
  const stored = storedSites(dataDir);
  expect(stored.map((s) => s.code)).toEqual(['S0001', 'S0002', 'S0003']);
  expect(stored[2]).toMatchObject({ timeZone: 'Asia/Tokyo', windowStart: '2027-01-03T11:00:00.000Z', notes: 'Key at the front desk' });

  // The same list with one name changed and a bad time zone: the error is named, nothing is written.
  rows[0]![1] = 'Store one (renovated)';
  rows[1]![3] = 'Europe/Atlantis';
  fs.writeFileSync(file, csvOf(rows));
  await page.getByTestId('import-sites').click();
  await dialog.getByTestId('site-import-file').setInputFiles(file);
  await expect(dialog.getByTestId('site-import-row-errors')).toContainText('Row 2, TZ: Unknown time zone "Europe/Atlantis"');
  await expect(dialog.getByTestId('site-import-commit')).toBeDisabled();

  // Fixed: exactly one site changed, shown old → new.
  rows[1]![3] = 'America/New_York';
  fs.writeFileSync(file, csvOf(rows));
  await dialog.getByTestId('site-import-file').setInputFiles(file);
  await expect(dialog.getByTestId('site-import-summary')).toHaveText('3 rows · 0 new · 1 changed · 2 unchanged · 0 with errors');
  const changed = dialog.locator('[data-testid="site-import-diff-row"][data-code="S0001"]');
  await expect(changed).toContainText('Name: Store 1 → Store one (renovated)');
  await dialog.getByTestId('site-import-commit').click();
  await expect(dialog).toBeHidden();
  await expect(table).toContainText('Store one (renovated)');
  expect(storedSites(dataDir)[0]!.name).toBe('Store one (renovated)');
});
