import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { jpegWithGps } from '../support/exif-jpeg';
import { signaturePng } from '../support/signoff-fixtures';
import { tempDataDir } from '../support/temp-core';
import { startBrowserShell, type RunningShell } from './support/browser-shell';
import { fakeCameraLaunch, halfDarkVideo } from './support/fake-camera';

// The fake camera plays a 1280 × 720 picture: dark left half, light right half.
const WIDTH = 1280;
const HEIGHT = 720;
const video = halfDarkVideo(WIDTH, HEIGHT, 'outpost-e2e-photo-video');

test.use(fakeCameraLaunch(video));

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Decodes a stored photo in the page: its size, and the mean brightness of its left and right halves. */
function measure(page: Page, bytes: Buffer) {
  return page.evaluate(async (base64) => {
    // Built from the bytes, not fetched: the page's CSP allows no data: fetch.
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]);
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'none' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const { data } = g.getImageData(0, 0, bitmap.width, bitmap.height);
    let left = 0;
    let right = 0;
    for (let i = 0; i < data.length; i += 4) {
      const x = (i / 4) % bitmap.width;
      if (x < bitmap.width / 2) left += data[i]!;
      else right += data[i]!;
    }
    const half = (bitmap.width * bitmap.height) / 2;
    return { width: bitmap.width, height: bitmap.height, left: left / half, right: right / half };
  }, bytes.toString('base64'));
}

test('a checklist photo taken with the camera (capture, preview, retake, use) is stored by SHA-256 without metadata and appears in the sign-off PDF', async ({
  page,
}) => {
  const dataDir = tempDataDir('outpost-e2e-photo');
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-checklist').click();
  const mount = page.getByTestId('checklist-item').filter({ hasText: 'Mount firewall, switches and UPS' }).first();
  await expect(mount.getByTestId('item-evidence')).toHaveAttribute('data-missing', 'true');

  await mount.getByTestId('item-take-photo').click();
  const dialog = page.getByTestId('take-photo');
  await expect(dialog).toHaveAttribute('data-camera', 'live');
  await page.getByTestId('photo-capture').click();
  await expect(dialog).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('photo-still')).toBeVisible();
  await expect(page.getByTestId('photo-still-size')).toContainText(`${WIDTH} × ${HEIGHT} px`);
  // The dialog passes axe (WCAG 2.x A and AA) with the still shown: no serious or critical finding.
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="take-photo"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  // Retake goes back to the live camera; nothing is stored until "Use photo".
  await page.getByTestId('photo-retake').click();
  await expect(dialog).toHaveAttribute('data-step', 'camera');
  const before = await shell.call<{ phases: { items: { title: string; evidencePhotos: unknown[] }[] }[] }>('checklist.get', {
    siteId: await siteId(shell),
  });
  expect(before.phases.flatMap((p) => p.items).find((i) => i.title.startsWith('Mount firewall'))!.evidencePhotos).toEqual([]);
  await page.getByTestId('photo-capture').click();
  await page.getByTestId('photo-use').click();
  await expect(dialog).toHaveCount(0);
  await expect(mount.getByTestId('evidence-photo')).toHaveCount(1);
  await expect(mount.getByTestId('item-evidence')).not.toHaveAttribute('data-missing', 'true');

  const site = await siteId(shell);
  const items = (
    await shell.call<{ phases: { items: { title: string; evidencePhotos: { sha256: string }[] }[] }[] }>('checklist.get', { siteId: site })
  ).phases.flatMap((p) => p.items);
  const photo = items.find((i) => i.title.startsWith('Mount firewall'))!.evidencePhotos[0]!.sha256;
  const stored = fs.readFileSync(path.join(dataDir, 'attachments', photo));
  expect(sha256(stored)).toBe(photo);
  expect(stored.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(await exifr.parse(stored)).toBeUndefined();
  // It is the camera's picture, at the camera's size: dark on the left, light on the right.
  const seen = await measure(page, stored);
  expect(seen).toMatchObject({ width: WIDTH, height: HEIGHT });
  expect(seen.left).toBeLessThan(80);
  expect(seen.right).toBeGreaterThan(180);

  // The site owner sees the photo in the review before signing (in Dutch, Amsterdam's language).
  await page.getByTestId('tab-signoff').click();
  const reviewPhotos = page.getByTestId('review-photos');
  await expect(reviewPhotos).toContainText('Fotobewijs (1)');
  await expect(reviewPhotos.getByRole('img')).toHaveCount(1);
  await expect(reviewPhotos).toContainText('Mount firewall');

  // The site owner signs (rejected: the site is far from done); the sheet names the photo and its PDF embeds it as stored.
  const { reviewHash } = await shell.call<{ reviewHash: string }>('signoff.review', { siteId: site, kind: 'site_complete' });
  const signed = await shell.call<{ sheet: { id: string } }>('signoff.sign', {
    kind: 'site_complete',
    siteId: site,
    reviewHash,
    decision: 'rejected',
    reason: 'Not finished',
    gapReasons: [],
    signerName: 'Sanne de Vries',
    signerRole: 'Site owner',
    signerTimeZone: 'Europe/Amsterdam',
    signaturePngBase64: signaturePng(),
    statementConfirmed: true,
  });
  let pdf: Buffer | null = null;
  await expect
    .poll(async () => {
      // Rendering keeps the shell's one thread busy: a kept-alive connection it closed meanwhile is asked again.
      const exported = await shell!
        .call<{ status: string; base64?: string }>('signoff.exportPdf', { sheetId: signed.sheet.id })
        .catch(() => ({ status: 'unreachable' }));
      pdf = 'base64' in exported && exported.base64 ? Buffer.from(exported.base64, 'base64') : null;
      return exported.status;
    })
    .toBe('ready');
  const pdfFile = path.join(dataDir, 'sheet.pdf');
  fs.writeFileSync(pdfFile, pdf!);
  // Signed without a language: Amsterdam's owner reads Dutch, the photo section too.
  expect(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })).toContain('Fotobewijs (1)');
  const out = path.join(dataDir, 'pdf-images');
  fs.mkdirSync(out);
  execFileSync('pdfimages', ['-all', pdfFile, path.join(out, 'img')]);
  const jpegs = fs
    .readdirSync(out)
    .filter((f) => f.endsWith('.jpg'))
    .map((f) => sha256(fs.readFileSync(path.join(out, f))));
  expect(jpegs).toEqual([photo]);
});

test('image files attached to an issue lose their GPS: an upright one as sent (stripped by the core), a turned one drawn upright again; Take photo sits beside them', async ({
  page,
}) => {
  const dataDir = tempDataDir('outpost-e2e-photo-files');
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-AMS-001').click();
  await page.getByTestId('tab-issues').click();
  await page.getByTestId('new-issue').click();
  await page.getByTestId('issue-title').fill('Rack door bent');
  await expect(page.getByTestId('issue-take-photo')).toBeVisible();
  const upright = jpegWithGps(1);
  const turned = jpegWithGps(6);
  expect((await exifr.gps(upright))?.latitude).toBeGreaterThan(52);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('issue-photo').click();
  await (
    await chooser
  ).setFiles([
    { name: 'upright.jpg', mimeType: 'image/jpeg', buffer: upright },
    { name: 'turned.jpg', mimeType: 'image/jpeg', buffer: turned },
  ]);
  // Both are stored (badges with their size) before the issue is sent with their hashes.
  await expect(page.getByRole('dialog').getByText(/· \d+ KiB/)).toHaveCount(2);
  await page.getByTestId('issue-submit').click();
  const site = await siteId(shell);
  await expect(page.getByTestId('issue-submit')).toHaveCount(0);
  const { issues } = await shell.call<{ issues: { id: string; title: string }[] }>('issues.list', { siteId: site });
  const issue = issues.find((i) => i.title === 'Rack door bent')!;
  const { attachments } = await shell.call<{ attachments: { sha256: string }[] }>('issues.get', { issueId: issue.id });
  const files = attachments.map((a) => fs.readFileSync(path.join(dataDir, 'attachments', a.sha256)));
  for (const [i, file] of files.entries()) {
    expect(sha256(file)).toBe(attachments[i]!.sha256);
    expect(await exifr.gps(file)).toBeUndefined();
    for (const text of ['OutpostCam', '52.37 N', 'GPSLatitude']) expect(file.includes(Buffer.from(text))).toBe(false);
  }
  const sizes = await Promise.all(files.map((f) => measure(page, f)));
  // The upright file keeps its picture data (16 × 8); the turned one is redrawn standing (8 × 16) with no EXIF left.
  expect(sizes.map((s) => `${s.width}x${s.height}`).sort()).toEqual(['16x8', '8x16']);
  expect(await Promise.all(files.map((f) => exifr.parse(f)))).toEqual([undefined, undefined]);
});

async function siteId(running: RunningShell): Promise<string> {
  const [deployment] = await running.call<{ id: string }[]>('deployments.list', {});
  const sites = await running.call<{ id: string; code: string }[]>('sites.list', { deploymentId: deployment!.id });
  return sites.find((s) => s.code === 'AMS-001')!.id;
}
