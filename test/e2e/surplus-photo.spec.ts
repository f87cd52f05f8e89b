import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { expect, test } from '@playwright/test';
import { jpegWithGps } from '../support/exif-jpeg';
import { tempDataDir } from '../support/temp-core';
import { startBrowserShell, type RunningShell } from './support/browser-shell';
import { fakeCameraLaunch, halfDarkVideo } from './support/fake-camera';

// Photos of surplus items (issue #14 part 2): recorded in Receive mode, photographed there with the
// camera (capture, preview, retake, use), and given a second photo from a file in the inventory table.

// The fake camera plays a 640 × 480 picture: dark left half, light right half.
const WIDTH = 640;
const HEIGHT = 480;
const video = halfDarkVideo(WIDTH, HEIGHT, 'outpost-e2e-surplus-video');

test.use(fakeCameraLaunch(video));

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('a surplus item recorded in Receive mode is photographed with the camera, and gets a file photo from the inventory table', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const dataDir = tempDataDir('outpost-e2e-surplus-photo');
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-inventory').click();
  await page.getByTestId('receive-mode').click();
  const serial = 'SURPLUS-PHOTO-0815';
  await page.getByTestId('scan-input').fill(serial);
  await page.getByTestId('scan-input').press('Enter');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'unknown');
  await page.getByTestId('record-surplus').click();
  await page.getByTestId('surplus-manufacturer').fill('Netgear');
  await page.getByTestId('surplus-model').fill('GS108');
  await page.getByTestId('confirm-surplus').click();

  // Right under the feedback: Attach file and Take photo for the item just recorded.
  const panel = page.getByTestId('surplus-photos');
  await expect(panel).toHaveAttribute('data-count', '0');
  await panel.getByTestId('surplus-take-photo').click();
  const dialog = page.getByTestId('take-photo');
  await expect(dialog).toHaveAttribute('data-camera', 'live');
  await page.getByTestId('photo-capture').click();
  await expect(dialog).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('photo-still-size')).toContainText(`${WIDTH} × ${HEIGHT} px`);
  await page.getByTestId('photo-retake').click();
  await expect(dialog).toHaveAttribute('data-step', 'camera');
  await page.getByTestId('photo-capture').click();
  await page.getByTestId('photo-use').click();
  await expect(dialog).toHaveCount(0);
  await expect(panel).toHaveAttribute('data-count', '1');
  await expect(panel.getByTestId('issue-photo-thumb')).toHaveCount(1);

  const site = await siteId(shell);
  const { items } = await shell.call<{ items: { id: string; foundSerial: string | null }[] }>('inventory.list', {
    siteId: site,
    state: 'surplus',
  });
  const item = items.find((i) => i.foundSerial === serial)!;
  const [taken] = await shell.call<{ sha256: string }[]>('inventory.photos', { itemId: item.id });
  const stored = fs.readFileSync(path.join(dataDir, 'attachments', taken!.sha256));
  expect(sha256(stored)).toBe(taken!.sha256);
  expect(stored.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(await exifr.parse(stored)).toBeUndefined();

  // The inventory table: the surplus row's menu opens its photos; a phone file is attached without its GPS.
  await page.getByTestId('receive-mode').click();
  await page.getByTestId('inventory-search').fill(serial);
  const row = page.locator(`[data-testid="inventory-row"][data-item-id="${item.id}"]`);
  await row.getByTestId('inventory-row-action').click();
  await page.getByTestId('surplus-photos-open').click();
  const modal = page.getByRole('dialog').filter({ has: page.getByTestId('surplus-photos') });
  await expect(modal.getByTestId('surplus-photos')).toHaveAttribute('data-count', '1');
  const chooser = page.waitForEvent('filechooser');
  await modal.getByTestId('surplus-attach-photo').click();
  await (await chooser).setFiles({ name: 'phone.jpg', mimeType: 'image/jpeg', buffer: jpegWithGps(1) });
  await expect(modal.getByTestId('surplus-photos')).toHaveAttribute('data-count', '2');
  await expect(modal.getByTestId('issue-photo-thumb')).toHaveCount(2);
  const photos = await shell.call<{ sha256: string }[]>('inventory.photos', { itemId: item.id });
  expect(photos[0]!.sha256).toBe(taken!.sha256);
  const file = fs.readFileSync(path.join(dataDir, 'attachments', photos[1]!.sha256));
  expect(await exifr.gps(file)).toBeUndefined();

  // An expected item's menu offers no photos.
  await page.keyboard.press('Escape');
  await expect(modal).toHaveCount(0);
  await page.getByTestId('inventory-search').fill('');
  const expected = page.locator('[data-testid="inventory-row"][data-state="expected"]').first();
  await expected.getByTestId('inventory-row-action').click();
  await expect(page.getByTestId('inventory-state-menu')).toBeVisible();
  await expect(page.getByTestId('surplus-photos-open')).toHaveCount(0);
});

async function siteId(running: RunningShell): Promise<string> {
  const [deployment] = await running.call<{ id: string }[]>('deployments.list', {});
  const sites = await running.call<{ id: string; code: string }[]>('sites.list', { deploymentId: deployment!.id });
  return sites.find((s) => s.code === 'AMS-001')!.id;
}
