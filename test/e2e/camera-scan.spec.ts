// Camera scanning against Debian Chromium's fake camera: the test draws barcodes of serials from
// the plan (bwip-js), plays them as a Y4M video (--use-file-for-fake-video-capture) and watches
// Receive mode and the inventory search take them in through the same receive path as the keyboard.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { composeFrame, drawCode, writeY4m, type Segment } from '../support/barcode-video';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

const tempDataDir = (label: string) => fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));

const WIDTH = 640;
const HEIGHT = 480;
const FPS = 5;

let shell: RunningShell | undefined;
let browser: Browser | undefined;
/** Videos are tens of MB: removed after each test. */
const videoDirs: string[] = [];
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await shell?.stop('SIGKILL');
  shell = undefined;
  for (const dir of videoDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A shell on the sample deployment and the first expected serials of AMS-001. */
async function sampleSite(count: number): Promise<string[]> {
  shell = await startBrowserShell(tempDataDir('outpost-e2e-camera'));
  await shell.call('profile.set', { name: 'Cam Tech', role: 'technician' });
  await shell.call('sample.open', {});
  const deployments = await shell.call<{ id: string }[]>('deployments.list', {});
  const sites = await shell.call<{ id: string; code: string }[]>('sites.list', { deploymentId: deployments[0]!.id });
  const site = sites.find((s) => s.code === 'AMS-001')!;
  const { items } = await shell.call<{ items: { expectedSerial: string }[] }>('inventory.list', { siteId: site.id, limit: count });
  return items.map((i) => i.expectedSerial);
}

async function video(name: string, segments: Segment[]): Promise<string> {
  const dir = tempDataDir('outpost-e2e-camera-video');
  videoDirs.push(dir);
  const file = path.join(dir, `${name}.y4m`);
  writeY4m(file, WIDTH, HEIGHT, FPS, segments);
  return file;
}

async function launch(args: string[]): Promise<Page> {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', ...args],
  });
  const page = await browser.newPage();
  await page.goto(shell!.url);
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-inventory').click();
  return page;
}

const blank = () => composeFrame(WIDTH, HEIGHT, []);
const entries = (page: Page) => page.getByTestId('scan-log-entry');

test('Receive mode reads a Code 128 and a QR code from the camera, ignores the repeat and offers surplus for an unknown code', async () => {
  test.setTimeout(150_000);
  const [first, second] = await sampleSite(2);
  const unknown = 'CAM-SURPLUS-4711';
  const file = await video('receive', [
    { frame: blank(), seconds: 1 },
    // In view for 3 s: read about 20 times, received once.
    { frame: composeFrame(WIDTH, HEIGHT, [{ code: await drawCode('code128', first!) }]), seconds: 3 },
    { frame: blank(), seconds: 1 },
    { frame: composeFrame(WIDTH, HEIGHT, [{ code: await drawCode('qrcode', second!, 4) }]), seconds: 3 },
    { frame: blank(), seconds: 1 },
    { frame: composeFrame(WIDTH, HEIGHT, [{ code: await drawCode('code128', unknown) }]), seconds: 3 },
    { frame: blank(), seconds: 4 },
  ]);
  const page = await launch(['--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`]);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.getByTestId('receive-mode').click();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  expect(requests.filter((u) => u.endsWith('.wasm'))).toEqual([]); // the reader loads with the camera, not before
  await page.getByTestId('receive-camera').click();
  const scanner = page.getByTestId('camera-scanner');
  await expect(scanner).toHaveAttribute('data-camera', 'live');
  await expect(page.getByTestId('camera-preview')).toBeVisible();

  const feedback = page.getByTestId('scan-feedback');
  await expect(feedback).toHaveAttribute('data-serial', first!, { timeout: 20_000 });
  await expect(feedback).toHaveAttribute('data-outcome', 'received');
  await expect(feedback).toHaveAttribute('data-serial', second!, { timeout: 20_000 });
  await expect(feedback).toHaveAttribute('data-outcome', 'received');
  await expect(feedback).toHaveAttribute('data-serial', unknown, { timeout: 20_000 });
  await expect(feedback).toHaveAttribute('data-outcome', 'unknown');
  await page.getByTestId('receive-camera').click(); // close it before the video starts over
  await expect(scanner).toHaveCount(0);

  // Each code once, newest first: the first serial was in view for 3 s and counted once.
  await expect(entries(page)).toHaveCount(3);
  await expect(entries(page).nth(0)).toContainText(unknown);
  await expect(entries(page).nth(1)).toContainText(second!);
  await expect(entries(page).nth(2)).toContainText(first!);
  await expect(entries(page).nth(2)).toHaveAttribute('data-outcome', 'received');
  await expect(page.getByTestId('recon-received')).toHaveText('2');

  // The reader's WebAssembly came from the app itself, and nothing else left the machine.
  const origin = new URL(shell!.url).origin;
  expect(requests.filter((u) => u.endsWith('.wasm')).length).toBeGreaterThanOrEqual(1);
  expect(requests.filter((u) => u.endsWith('.wasm')).every((u) => u.startsWith(`${origin}/assets/`))).toBe(true);
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);

  // The unknown code is offered as surplus, as a typed one would be.
  await page.getByTestId('record-surplus').click();
  await page.getByTestId('surplus-model').fill('Unlabelled switch');
  await page.getByTestId('confirm-surplus').click();
  await expect(page.getByTestId('recon-surplus')).toHaveText('1');
});

test('several codes in view are listed to pick from, in Receive mode and in the inventory search; a remembered camera that is gone falls back', async () => {
  test.setTimeout(150_000);
  const [, , third, fourth] = await sampleSite(4);
  const both = composeFrame(WIDTH, HEIGHT, [
    { code: await drawCode('qrcode', third!, 4), x: 60, y: 140 },
    { code: await drawCode('datamatrix', fourth!, 5), x: 380, y: 140 },
  ]);
  const file = await video('two-codes', [{ frame: both, seconds: 2 }]);
  const page = await launch(['--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`]);
  await page.evaluate(() => window.localStorage.setItem('outpost.camera.deviceId', 'a-camera-unplugged-since'));

  await page.getByTestId('receive-mode').click();
  await page.getByTestId('receive-camera').click();
  await expect(page.getByTestId('camera-scanner')).toHaveAttribute('data-camera', 'live');
  expect(await page.evaluate(() => window.localStorage.getItem('outpost.camera.deviceId'))).toBeNull();

  const choices = page.getByTestId('camera-choice');
  await expect(choices).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByTestId('scan-log-entry')).toHaveCount(0); // nothing taken on its own
  await page.locator(`[data-testid="camera-choice"][data-value="${third}"]`).click();
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-serial', third!);
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'received');
  await page.getByTestId('receive-camera').click();
  await expect(entries(page)).toHaveCount(1);

  // The search takes the picked code as its text.
  await page.getByTestId('inventory-search-camera').click();
  await expect(choices).toHaveCount(2, { timeout: 20_000 });
  await page.locator(`[data-testid="camera-choice"][data-value="${fourth}"]`).click();
  await expect(page.getByTestId('camera-scanner')).toHaveCount(0);
  await expect(page.getByTestId('inventory-search')).toHaveValue(fourth!);
  await expect(page.getByTestId('inventory-row')).toHaveCount(1);
  await expect(page.getByTestId('inventory-row')).toContainText(fourth!);
});

test('camera permission denied: a clear message, and the scan field still receives from the keyboard', async () => {
  test.setTimeout(120_000);
  const [first] = await sampleSite(1);
  const file = await video('denied', [{ frame: composeFrame(WIDTH, HEIGHT, [{ code: await drawCode('code128', first!) }]), seconds: 1 }]);
  const page = await launch(['--deny-permission-prompts', `--use-file-for-fake-video-capture=${file}`]);

  await page.getByTestId('receive-mode').click();
  await page.getByTestId('receive-camera').click();
  const failure = page.getByTestId('camera-failure');
  await expect(failure).toHaveAttribute('data-kind', 'denied');
  await expect(failure).toContainText('Camera access was denied');
  await expect(failure).toContainText('The scan field still works');
  await expect(page.getByTestId('camera-preview')).toHaveCount(0);

  const input = page.getByTestId('scan-input');
  await input.click();
  await page.keyboard.type(first!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'received');
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-serial', first!);
  await expect(page.getByTestId('recon-received')).toHaveText('1');
});

test('the camera picked is remembered: Receive mode and the search open it again after a reload', async () => {
  test.setTimeout(120_000);
  await sampleSite(1);
  // Two fake cameras (Chromium draws a test pattern on each): pick the second one.
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream=device-count=2', '--use-fake-ui-for-media-stream'],
  });
  const context = await browser.newContext();
  let page = await context.newPage();
  const openInventory = async () => {
    await page.goto(shell!.url);
    await page.getByTestId('site-AMS-001').click();
    await page.getByTestId('tab-inventory').click();
  };
  const cameraInUse = () =>
    page
      .getByTestId('camera-preview')
      .evaluate((video) => ((video as HTMLVideoElement).srcObject as MediaStream | null)?.getVideoTracks()[0]?.label ?? null);
  await openInventory();

  await page.getByTestId('receive-mode').click();
  await page.getByTestId('receive-camera').click();
  await expect(page.getByTestId('camera-scanner')).toHaveAttribute('data-camera', 'live');
  expect(await cameraInUse()).toBe('fake_device_0');
  const second = page.getByRole('option', { name: 'fake_device_1' });
  await expect(async () => {
    // The list opens on a click; on a busy machine the first click can land while the select mounts.
    if (!(await second.isVisible())) await page.getByTestId('camera-select').click();
    await expect(second).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await second.click();
  await expect.poll(cameraInUse).toBe('fake_device_1');
  await expect(page.getByTestId('camera-select')).toHaveValue('fake_device_1');

  // A new page: Receive mode opens with the camera on (left open last time), on the camera picked.
  await page.close();
  page = await context.newPage();
  await openInventory();
  await page.getByTestId('receive-mode').click();
  await expect(page.getByTestId('camera-scanner')).toHaveAttribute('data-camera', 'live');
  await expect.poll(cameraInUse).toBe('fake_device_1');
  await page.getByTestId('receive-camera').click();
  await expect(page.getByTestId('camera-scanner')).toHaveCount(0);

  await page.getByTestId('inventory-search-camera').click();
  await expect(page.getByTestId('camera-scanner')).toHaveAttribute('data-camera', 'live');
  await expect.poll(cameraInUse).toBe('fake_device_1');
});
