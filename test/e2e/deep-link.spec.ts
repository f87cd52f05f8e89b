import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

// The browser shell takes the same outpost:// links as the desktop app, as #/open/<link>
// (shared/desktop/deep-link.ts; Electron's main process loads that route into its window).
let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

const openLink = (link: string) => `${shell!.origin}/#/open/${encodeURIComponent(link)}`;

test('an outpost:// link opens its site or issue; a hostile or unknown one is refused with the reason', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-deep-link-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  const [deployment] = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<{ id: string; code: string }[]>('sites.list', { deploymentId: deployment!.id });
  const utr = sites.find((s) => s.code === 'UTR-002')!;
  const issue = await shell.call<{ id: string; number: number }>('issues.create', {
    siteId: utr.id,
    title: 'Uplink flaps',
    severity: 'high',
    category: 'network',
  });

  await page.goto(shell.url);
  await expect(page.getByTestId('profile-menu')).toBeVisible();

  await page.goto(openLink('outpost://site/UTR-002'));
  await expect(page.getByTestId('workspace-title')).toContainText('UTR-002');
  await expect(page).toHaveURL(`${shell.origin}/#/d/${deployment!.id}/s/${utr.id}/overview`);

  await page.goto(openLink(`outpost://site/UTR-002/issue/${issue.number}`));
  await expect(page).toHaveURL(`${shell.origin}/#/d/${deployment!.id}/s/${utr.id}/issues/${issue.id}`);
  await expect(page.getByText('Uplink flaps').first()).toBeVisible();

  // Back leaves the issue for the site, never back to the link (it left the history at once).
  await page.goBack();
  await expect(page).toHaveURL(`${shell.origin}/#/d/${deployment!.id}/s/${utr.id}/overview`);

  await page.goto(openLink('outpost://site/..%2F..%2Fetc%2Fpasswd'));
  await expect(page.getByText('Cannot open the link')).toBeVisible();
  await expect(page.getByText('It is not an Outpost link: the site code holds a slash or a control character')).toBeVisible();
  await expect(page).toHaveURL(`${shell.origin}/#/d/${deployment!.id}/s/${utr.id}/overview`);

  await page.goto(openLink('outpost://site/ZZZ-999'));
  await expect(page.getByText('No site ZZZ-999 on this device')).toBeVisible();
  await expect(page.getByTestId('workspace-title')).toContainText('UTR-002');
});
