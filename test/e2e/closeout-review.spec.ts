import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

test('a release manager fills in the post-deployment review beside the measures, and finds it saved after a reload and in the close-out PDF', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-review-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await shell.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  await page.goto(shell.url);
  await page.getByTestId('closeout-open').click();
  const section = page.getByTestId('review-section');
  await expect(section).toHaveAttribute('data-saved', 'false');
  // The measures are computed, not typed: the sample deployment has not signed off a site yet.
  await expect(section.getByTestId('review-success-rate')).toContainText('attempted sites signed off without rollback');
  await expect(section.getByTestId('review-throughput')).toBeVisible();
  await expect(section.getByTestId('review-downtime')).toBeVisible();
  await expect(section.getByTestId('review-saved-by')).toHaveText('Not saved yet');

  // The shared 4,000-character rule: counted as typed, and an over-long text cannot be saved.
  const badly = section.getByTestId('review-went-badly');
  await badly.fill('x'.repeat(4001));
  await expect(section.getByTestId('length-counter').nth(1)).toHaveAttribute('data-over', 'true');
  await expect(section.getByTestId('review-save')).toBeDisabled();

  await section.getByTestId('review-went-well').fill('Pilot stores went live inside their windows.');
  await badly.fill('Two switches needed new firmware on site.');
  await expect(section.getByTestId('length-counter').nth(1)).toHaveText('41 / 4,000');
  for (let i = 0; i < 3; i++) await section.getByTestId('review-action-add').click();
  const rows = section.getByTestId('review-action-row');
  await expect(rows).toHaveCount(3);
  // An empty action item stops the save until it is filled in or removed.
  await expect(section.getByTestId('review-save')).toBeDisabled();
  await rows.nth(0).getByTestId('review-action-text').fill('Pin the switch firmware in the plan');
  await rows.nth(0).getByTestId('review-action-owner').fill('Nora Network');
  await rows.nth(0).getByTestId('review-action-due').fill('2026-04-15');
  await rows.nth(1).getByTestId('review-action-remove').click();
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByTestId('review-action-text').fill('Ship spare switches to wave 2');
  await rows.nth(1).getByTestId('review-action-owner').fill('Lars Logistics');
  await rows.nth(1).getByTestId('review-action-due').fill('2026-04-30');
  await section.getByTestId('review-save').click();
  await expect(section).toHaveAttribute('data-saved', 'true');
  await expect(section.getByTestId('review-saved-by')).toContainText('Saved by Rita Release');

  // The review form with its action items passes axe (WCAG 2.x A and AA, serious and critical findings).
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="review-section"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // Committed: a reload reads it back from the database.
  await page.reload();
  await page.getByTestId('closeout-open').click();
  const again = page.getByTestId('review-section');
  await expect(again).toHaveAttribute('data-saved', 'true');
  await expect(again.getByTestId('review-went-well')).toHaveValue('Pilot stores went live inside their windows.');
  await expect(again.getByTestId('review-went-badly')).toHaveValue('Two switches needed new firmware on site.');
  const saved = again.getByTestId('review-action-row');
  await expect(saved).toHaveCount(2);
  await expect(saved.nth(0).getByTestId('review-action-text')).toHaveValue('Pin the switch firmware in the plan');
  await expect(saved.nth(0).getByTestId('review-action-owner')).toHaveValue('Nora Network');
  await expect(saved.nth(0).getByTestId('review-action-due')).toHaveValue('2026-04-15');
  await expect(saved.nth(1).getByTestId('review-action-owner')).toHaveValue('Lars Logistics');

  // The close-out PDF carries it.
  const download = page.waitForEvent('download');
  await page.getByTestId('closeout-export-pdf').click();
  const text = execFileSync('pdftotext', ['-layout', (await (await download).path())!, '-'], { encoding: 'utf8' });
  expect(text).toContain('Post-deployment review');
  expect(text).toContain('Pilot stores went live inside their windows.');
  expect(text).toMatch(/Pin the switch firmware in the plan\s+Nora Network\s+2026-04-15/);
  expect(text).toContain('Deployment success rate');
});
