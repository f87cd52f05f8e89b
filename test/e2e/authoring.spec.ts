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

async function closeModal(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('a release manager authors a deployment: pilot wave, component, checklist item, site with window and technician, target machine', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-authoring-'));
  shell = await startBrowserShell(dataDir);
  await shell.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  await page.goto(shell.url);

  // Deployment
  await page.getByTestId('new-deployment').click();
  await page.getByRole('dialog').getByLabel('Name').fill('POS rollout');
  await page.getByRole('dialog').getByLabel('Version').fill('5.2');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByTestId('deployment-overview')).toContainText('POS rollout');

  // Pilot wave
  await page.getByTestId('edit-waves').click();
  await page.getByTestId('new-wave-name').fill('Pilot stores');
  await page.getByTestId('add-wave').click();
  await expect(page.getByTestId('wave-row')).toHaveCount(1);
  await expect(page.getByTestId('wave-row')).toContainText('Pilot');
  await closeModal(page);
  await expect(page.getByTestId('wave-cards')).toContainText('1. Pilot stores');

  // Component
  await page.getByTestId('edit-components').click();
  await page.getByTestId('component-name').fill('POS server');
  await page.getByTestId('component-version').fill('5.2.1');
  await page.getByTestId('save-component').click();
  await expect(page.getByTestId('components-editor')).toContainText('5.2.1');
  await closeModal(page);
  await expect(page.getByTestId('components-table')).toContainText('POS server');

  // Typed requirement: the kind decides the fields
  await page.getByTestId('edit-requirements').click();
  await page.getByTestId('requirement-param-name').fill('pos-agent; rm -rf /');
  await page.getByTestId('save-requirement').click();
  await expect(page.getByText(/parameters are not valid/)).toBeVisible();
  await page.getByTestId('requirement-param-name').fill('pos-agent');
  await page.getByTestId('requirement-param-version').fill('>=5.2');
  await page.getByTestId('save-requirement').click();
  await expect(page.getByTestId('requirement-editor').locator('table')).toContainText('package');
  await closeModal(page);
  await expect(page.getByTestId('requirements-panel')).toContainText('pos-agent');

  // Checklist template item (sites created afterwards get it)
  await page.getByTestId('edit-checklist-template').click();
  await expect(page.getByTestId('checklist-template-editor')).toContainText('sites created afterwards');
  await page.getByTestId('template-item-title').fill('Photograph the rack before work');
  await page.getByTestId('save-template-item').click();
  await expect(page.getByTestId('template-item')).toHaveCount(1);
  await closeModal(page);

  // Site, then its window, wave and technician in the site editor
  await page.getByTestId('add-site').click();
  await page.getByRole('dialog').getByLabel('Code').fill('AMS-01');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).first().fill('Amsterdam Centraal');
  await page.getByRole('dialog').getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'AMS-01');
  await page.getByTestId('deployment-row').first().click();
  await page.getByTestId('sites-table').getByTestId('site-menu').click();
  await page.getByTestId('edit-site').click();
  const siteForm = page.getByTestId('edit-site-form');
  await siteForm.getByLabel('Window start (site time)').fill('2027-03-01T08:00');
  await siteForm.getByLabel('Window end (site time)').fill('2027-03-01T06:00');
  await expect(siteForm).toContainText('The schedule window must end after it starts');
  await siteForm.getByLabel('Window end (site time)').fill('2027-03-01T17:00');
  await siteForm.getByLabel('Wave').click();
  await page.getByRole('option', { name: '1. Pilot stores' }).click();
  await siteForm.getByLabel('Technicians').fill('Tom Tech');
  await siteForm.getByLabel('Technicians').press('Enter');
  await page.getByTestId('save-site').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('sites-table')).toContainText('Tom Tech');

  // Target machine: a hostile host name is flagged; a good one is saved
  await page.getByTestId('sites-table').getByTestId('site-menu').click();
  await page.getByTestId('edit-machines').click();
  const editor = page.getByTestId('machines-editor');
  await editor.getByTestId('machine-host').fill('pos-01;reboot');
  await expect(editor).toContainText('Not a valid host name');
  await expect(editor.getByTestId('save-machine')).toBeDisabled();
  await editor.getByTestId('machine-host').fill('pos-01.ams.example');
  await editor.getByTestId('machine-address').fill('10.1.0.11');
  await editor.getByTestId('save-machine').click();
  await expect(editor.locator('table')).toContainText('pos-01.ams.example');
  await closeModal(page);

  // Stored in SQLite
  const [deployment] = await shell.call<{ id: string }[]>('deployments.list', {});
  const [site] = await shell.call<
    { id: string; technicians: { id: string | null; name: string }[]; windowStart: string; waveName: string }[]
  >('sites.list', { deploymentId: deployment!.id });
  // Not signed in to a server: the technician is a name only.
  expect(site).toMatchObject({ technicians: [{ id: null, name: 'Tom Tech' }], waveName: 'Pilot stores' });
  expect(site!.windowStart).toBeTruthy();

  // Open the site and see them
  await page.getByTestId('sites-table').getByText('AMS-01').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'AMS-01');
  const overview = page.getByTestId('overview-panel');
  await expect(overview).toContainText('Tom Tech');
  await expect(page.getByTestId('overview-window')).toContainText('2027');
  await page.getByTestId('tab-checklist').click();
  await expect(page.getByTestId('checklist-tab')).toContainText('Photograph the rack before work');
  await page.getByTestId('tab-machines').click();
  await expect(page.getByTestId('machines-tab')).toContainText('pos-01.ams.example');
});

test('a technician sees no plan editors', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-authoring-tech-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await shell.call('profile.set', { name: 'Tom Tech', role: 'technician' });
  await page.goto(shell.url);
  await expect(page.getByTestId('deployment-overview')).toBeVisible();
  await expect(page.getByTestId('sites-table')).toBeVisible();
  await expect(page.getByTestId('edit-deployment')).toHaveCount(0);
  await expect(page.getByTestId('edit-waves')).toHaveCount(0);
  await expect(page.getByTestId('site-menu')).toHaveCount(0);
});
