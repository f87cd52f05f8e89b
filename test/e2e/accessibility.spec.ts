import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

/** Serious and critical axe findings on the page as it is now (WCAG 2.x A and AA rules), described for the failure message. */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
}

test('axe finds no serious or critical violation on the main screens, light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-axe-'));
  shell = await startBrowserShell(dataDir);
  await page.goto(shell.url);
  const found: string[] = [];

  await expect(page.getByTestId('profile-name')).toBeVisible();
  found.push(...(await seriousViolations(page, 'first run')));
  await page.getByTestId('profile-name').fill('Rita Release');
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('site-AMS-001')).toBeVisible();
  await shell.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  await page.reload();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByTestId('deployment-row').first().click();
    await expect(page.getByTestId('deployment-overview')).toBeVisible();
    found.push(...(await seriousViolations(page, `${scheme} deployment overview`)));

    await page.getByTestId('edit-waves').click();
    await expect(page.getByTestId('waves-editor')).toBeVisible();
    found.push(...(await seriousViolations(page, `${scheme} waves dialog`)));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByTestId('site-AMS-001').click();
    for (const tab of ['overview', 'inventory', 'checklist', 'machines', 'issues', 'training', 'signoff', 'report']) {
      await page.getByTestId(`tab-${tab}`).click();
      await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
      await page.waitForLoadState('networkidle');
      found.push(...(await seriousViolations(page, `${scheme} site ${tab}`)));
    }
  }
  expect(found).toEqual([]);
});
