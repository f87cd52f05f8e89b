import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

interface SiteRow {
  id: string;
  code: string;
}

async function openSample(page: Page, name: string): Promise<{ deploymentId: string; site: SiteRow }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `outpost-e2e-${name}-`));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await shell.call('profile.set', { name: 'Tom Tech', role: 'technician' });
  const [deployment] = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<SiteRow[]>('sites.list', { deploymentId: deployment!.id });
  await page.goto(shell.url);
  return { deploymentId: deployment!.id, site: sites.find((s) => s.code === 'AMS-001')! };
}

/** The element is inside the viewport and inside `container`; a control's text is not cut (no overflow). */
async function expectFullyShown(page: Page, element: Locator, container?: Locator, control = true) {
  await expect(element).toBeVisible();
  const box = (await element.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5);
  if (container) {
    const outer = (await container.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(box.y).toBeGreaterThanOrEqual(outer.y - 0.5);
    expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
  }
  if (!control) return;
  const cut = await element.evaluate((el) => {
    const all = [el, ...Array.from(el.querySelectorAll('*'))] as HTMLElement[];
    return all
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' && e.tagName !== 'INPUT')
      .map((e) => e.className || e.tagName);
  });
  expect(cut).toEqual([]);
}

test('at 1024×700 the receive mode button, search box and scan log are fully in view', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const { site } = await openSample(page, 'layout');
  const { items } = await shell!.call<{ items: { expectedSerial: string }[] }>('inventory.list', { siteId: site.id, limit: 8 });
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-inventory').click();

  await expectFullyShown(page, page.getByTestId('receive-mode'));
  const search = page.getByTestId('inventory-search');
  await expectFullyShown(page, search);
  // The placeholder fits the box: the input is at least as wide as its placeholder text.
  const fits = await search.evaluate((input: HTMLInputElement) => {
    const probe = document.createElement('span');
    probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${getComputedStyle(input).font}`;
    probe.textContent = input.placeholder;
    document.body.append(probe);
    const style = getComputedStyle(input);
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const need = probe.getBoundingClientRect().width;
    probe.remove();
    return { room: Math.round(room), need: Math.round(need) };
  });
  expect(fits.room).toBeGreaterThanOrEqual(fits.need);

  await page.getByTestId('receive-mode').click();
  const input = page.getByTestId('scan-input');
  for (const item of items) {
    await input.fill(item.expectedSerial);
    await input.press('Enter');
  }
  await expect(page.getByTestId('scan-log-entry')).toHaveCount(items.length);
  const panel = page.getByTestId('receive-panel');
  await expectFullyShown(page, panel, undefined, false);
  await expectFullyShown(page, page.getByTestId('scan-log'), panel, false);
  // The log scrolls up and down only: nothing wider than the panel.
  expect(
    await page
      .getByTestId('scan-log')
      .locator('.mantine-ScrollArea-viewport')
      .evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
  ).toBe(true);
  await expectFullyShown(page, page.getByTestId('receive-mode'));
  await expectFullyShown(page, page.getByTestId('inventory-search'));
  // The table keeps room for several rows under the receive panel.
  const rows = page.getByTestId('inventory-row');
  let inView = 0;
  for (let i = 0; i < Math.min(await rows.count(), 10); i++) {
    const box = await rows.nth(i).boundingBox();
    if (box && box.y + box.height <= 700) inView += 1;
  }
  expect(inView).toBeGreaterThanOrEqual(3);
});

test('tabs and the issue drawer are history entries: Back and Forward move between them', async ({ page }) => {
  const { site } = await openSample(page, 'history');
  await shell!.call('issues.create', { siteId: site.id, title: 'Door sensor loose', severity: 'low', category: 'facility' });
  await page.getByTestId('site-AMS-001').click();
  const workspace = page.getByTestId('workspace');
  await expect(workspace).toHaveAttribute('data-site-code', 'AMS-001');
  await page.getByTestId('tab-checklist').click();
  await page.getByTestId('tab-issues').click();
  await expect(page.getByTestId('tab-issues')).toHaveAttribute('aria-selected', 'true');
  expect(page.url()).toMatch(/\/issues$/);

  // The open issue is a page too: Back closes the drawer, Forward opens it again.
  await page.getByTestId('issue-row').click();
  await expect(page.getByTestId('issue-detail')).toBeVisible();
  expect(page.url()).toMatch(/\/issues\/[^/]+$/);
  await page.goBack();
  await expect(page.getByTestId('issue-detail')).toHaveCount(0);
  await expect(page.getByTestId('tab-issues')).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(page.getByTestId('issue-detail')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('issue-detail')).toHaveCount(0);

  await page.goBack();
  await expect(page.getByTestId('tab-checklist')).toHaveAttribute('aria-selected', 'true');
  await expect(workspace).toHaveAttribute('data-site-code', 'AMS-001');
  await page.goBack();
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(page.getByTestId('tab-checklist')).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(page.getByTestId('tab-issues')).toHaveAttribute('aria-selected', 'true');
});

test('a half-typed issue, checklist note and sign-off remarks survive a reload; submitting or discarding forgets them', async ({
  page,
}) => {
  const { site } = await openSample(page, 'drafts');
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-issues').click();
  await page.getByTestId('new-issue').click();
  await page.getByTestId('issue-title').fill('Till printer jams on the second receipt');
  await page.getByTestId('issue-description').fill('Happens after the paper roll is changed');

  await page.reload();
  await expect(page.getByTestId('tab-issues')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('new-issue').click();
  await expect(page.getByTestId('issue-title')).toHaveValue('Till printer jams on the second receipt');
  await expect(page.getByTestId('issue-description')).toHaveValue('Happens after the paper roll is changed');
  await expect(page.getByTestId('issue-draft-note')).toContainText('kept on this device');
  await page.getByTestId('issue-submit').click();
  await expect(page.getByTestId('issue-row')).toHaveCount(1);
  await page.getByTestId('new-issue').click();
  await expect(page.getByTestId('issue-title')).toHaveValue('');
  await page.keyboard.press('Escape');

  // Checklist note: typed, the page reloaded, the same item's note is still there; Cancel discards it.
  await page.getByTestId('tab-checklist').click();
  const item = page.getByTestId('checklist-item').first();
  await item.getByTestId('item-failed').click();
  await page.getByTestId('item-note').fill('Fibre patch cable missing');
  await page.reload();
  await page.getByTestId('checklist-item').first().getByTestId('item-failed').click();
  await expect(page.getByTestId('item-note')).toHaveValue('Fibre patch cable missing');
  await page.getByTestId('item-note-cancel').click();
  await page.getByTestId('checklist-item').first().getByTestId('item-failed').click();
  await expect(page.getByTestId('item-note')).toHaveValue('');
  await page.keyboard.press('Escape');

  // Sign-off remarks of this site.
  await page.getByTestId('tab-signoff').click();
  await page.getByTestId('signoff-reason').fill('Signed after the walk-through with the store manager');
  await page.reload();
  await expect(page.getByTestId('signoff-reason')).toHaveValue('Signed after the walk-through with the store manager');
  expect(
    await page.evaluate((id) => Object.keys(localStorage).filter((k) => k.startsWith('outpost.draft.') && k.includes(id)), site.id),
  ).toEqual([`outpost.draft.remark.${site.id}.site_complete`]);
});

test('the signature pad is light paper with dark ink in the dark theme too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSample(page, 'signature');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-signoff').click();
  const paper = page.getByTestId('signature-paper');
  await paper.scrollIntoViewIfNeeded();
  expect(await paper.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  const pad = page.getByTestId('signature-pad');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 20 + i * 10, box.y + box.height / 2 + (i % 4) * 6, { steps: 2 });
  await page.mouse.up();
  // The stored image: dark ink on a white sheet (not transparent), whatever the theme.
  const pixels = await pad.evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    let white = 0;
    for (let i = 0; i < data.length; i += 4) {
      const lum = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      if (data[i + 3]! > 200 && lum < 80) dark += 1;
      if (data[i + 3]! === 255 && lum > 250) white += 1;
    }
    return { dark, white, total: data.length / 4 };
  });
  expect(pixels.dark).toBeGreaterThan(50);
  expect(pixels.white).toBeGreaterThan(pixels.total * 0.8);
});

test.describe('times in a site', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('are shown in the site zone with the zone named, and in the viewer zone on hover, in the checklist, issues and report alike', async ({
    page,
  }) => {
    await openSample(page, 'times');
    await page.getByTestId('site-AMS-001').click();
    await page.getByTestId('tab-checklist').click();
    const item = page.getByTestId('checklist-item').first();
    await item.getByTestId('item-na').click();
    await page.getByTestId('item-note').fill('No rack at this store');
    await page.getByTestId('item-note-confirm').click();
    await expect(item).toHaveAttribute('data-state', 'not_applicable');
    const itemTime = item.locator('time');
    await expect(itemTime).toContainText('(Europe/Amsterdam)');
    await expect(itemTime).toHaveAttribute('title', /^Your time: .* \(America\/New_York\)$/);
    const shown = (await itemTime.textContent())!.replace(' (Europe/Amsterdam)', '');

    await page.getByTestId('tab-report').click();
    await expect(page.getByTestId('workspace')).toContainText(`${shown} (Europe/Amsterdam)`);

    await page.getByTestId('tab-issues').click();
    await page.getByTestId('new-issue').click();
    await page.getByTestId('issue-title').fill('Door sensor loose');
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('issue-row').click();
    await expect(page.getByTestId('issue-detail').locator('time').first()).toContainText('(Europe/Amsterdam)');
  });
});
