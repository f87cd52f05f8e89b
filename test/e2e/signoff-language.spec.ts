import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

// #14 part 4 in real Chromium: the Köln site owner reads the sign-off screen in German; the signer
// switches it to French, confirms the French statement and signs; the sheet list and `outpost
// verify` show the French statement the signer read.

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y0);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++)
    await page.mouse.move(box.x + 20 + i * ((box.width - 40) / 30), y0 + Math.sin(i / 3) * (box.height / 3), { steps: 2 });
  await page.mouse.up();
}

const GERMAN =
  'Als für den Standort verantwortliche Person bestätige ich, dass ich die Installation am Standort Köln Schildergasse (CGN-004)';
const FRENCH = 'En tant que responsable du site, je confirme avoir examiné le déploiement réalisé sur le site Köln Schildergasse (CGN-004)';

test('the Köln sign-off in German, switched to French at signing: the French statement is signed and verified', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-signoff-language-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-CGN-004').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'CGN-004');
  await page.getByTestId('tab-signoff').click();

  // German by default: the site's country.
  const form = page.getByTestId('sign-form');
  await expect(form).toHaveAttribute('lang', 'de');
  await expect(form).toContainText('Entscheidung und Unterschrift');
  await expect(page.getByTestId('confirm-statement')).toHaveAccessibleName(new RegExp(`^${GERMAN.replace(/[()]/g, '\\$&')}`));
  await expect(page.getByTestId('review-components')).toContainText('Komponenten (5)');
  await expect(page.getByTestId('signer-role')).toHaveValue('Standortverantwortliche(r)');

  // Confirmed in German, then switched: the French statement has to be confirmed anew.
  await page.getByTestId('confirm-statement').check();
  await form.getByText('Français').click();
  await expect(form).toHaveAttribute('lang', 'fr');
  await expect(form).toContainText('Décision et signature');
  await expect(page.getByTestId('confirm-statement')).toHaveAccessibleName(new RegExp(`^${FRENCH.replace(/[()]/g, '\\$&')}`));
  await expect(page.getByTestId('confirm-statement')).not.toBeChecked();
  await expect(page.getByTestId('review-inventory')).toContainText('Attendus 41');

  // Refused, with a reason: no gap needs one.
  await page.getByTestId('decision-rejected').check();
  await expect(page.getByTestId('decision-rejected')).toHaveAccessibleName('Refusé');
  await page.getByTestId('signoff-reason').fill('Le matériel n’a pas encore été livré.');
  await page.getByTestId('signer-name').fill('Jonas Weber');
  await page.getByTestId('signer-role').fill('Gérant du magasin');
  await drawSignature(page);
  await expect(page.getByTestId('sign-submit')).toBeDisabled(); // the French statement is not confirmed yet
  await page.getByTestId('confirm-statement').check();
  await page.getByTestId('sign-submit').click();

  // Signing stores the sheet, then renders its PDF in the same process: on a loaded machine the list can take a while.
  const row = page.getByTestId('sheet-row');
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(row).toHaveAttribute('data-language', 'fr');
  await expect(row.getByTestId('sheet-validity')).toHaveText('VALID');
  await expect(page.getByTestId('sheet-statement')).toContainText(`in Français: ${FRENCH}`);

  await page.mouse.move(5, 5);
  await expect(page.getByText('Signed. The sheet and its PDF')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await row.getByTestId('export-pdf').click();
  const download = await downloading;
  const file = path.join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const output = execFileSync('node', ['dist/launcher/cli.mjs', 'verify', file, '--data-dir', dataDir, '--allow-unregistered'], {
    encoding: 'utf8',
  });
  expect(output).toContain('language:   Français (fr)');
  expect(output).toContain(`statement:  ${FRENCH}`);
  expect(output).toContain('decision:   Rejected - Le matériel n’a pas encore été livré.');
  expect(output.trim().endsWith('VALID (key not registered: unverified signer; accepted with --allow-unregistered)')).toBe(true);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`Déclaration : ${FRENCH}`.replace(/\s+/g, ' '));
  expect(text).toContain('Refusé');
});
