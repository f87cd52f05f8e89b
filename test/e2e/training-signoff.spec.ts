import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { startBrowserShell, type RunningShell } from './support/browser-shell';

// Issue #16: a technician tries to get "Accepted" on an incomplete site and sees each gap; completes
// the work (the hand-over section in the Checklist tab), records a training session with two
// attendee signatures (and one absent) in the Training tab, exports the attendance, and the site
// owner signs "Accepted"; the sheet and its PDF carry the training and attendance.

let shell: RunningShell | undefined;
test.afterEach(async () => {
  await shell?.stop('SIGKILL');
  shell = undefined;
});

/** Draws a signature-like stroke with real mouse movements over the (only) signature pad on screen. */
async function drawSignature(page: Page, wave = 3) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y0);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(box.x + 20 + i * ((box.width - 40) / 30), y0 + Math.sin(i / wave) * (box.height / 3), { steps: 2 });
  }
  await page.mouse.up();
}

interface ListedItem {
  id: string;
  required: boolean;
  state: string;
}

/**
 * The work the gates look for, done through the API the renderer uses (other specs drive each of
 * these screens): every required item outside the hand-over and rollback phases settled, every
 * expected item installed, and the four example machines (their addresses do not exist) taken off
 * the plan by a release manager. The hand-over section is left for the technician in the UI.
 */
async function finishWorkExceptHandover(s: RunningShell, siteId: string) {
  const checklist = await s.call<{ phases: { phase: string; items: ListedItem[] }[] }>('checklist.get', { siteId });
  for (const phase of checklist.phases) {
    if (phase.phase === 'rollback' || phase.phase === 'handover') continue;
    for (const item of phase.items) {
      if (item.required)
        await s.call('checklist.setItemState', {
          itemId: item.id,
          state: 'not_applicable',
          note: 'Done by the previous contractor, checked on site',
        });
    }
  }
  const inventory = await s.call<{ items: { id: string; state: string; isSurplus: boolean }[] }>('inventory.list', { siteId, limit: 500 });
  for (const item of inventory.items) {
    if (!item.isSurplus && !['received', 'installed', 'verified', 'damaged'].includes(item.state))
      await s.call('inventory.setState', { itemId: item.id, state: 'installed' });
  }
  await s.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
  for (const m of await s.call<{ id: string }[]>('machines.list', { siteId })) await s.call('machines.delete', { machineId: m.id });
  await s.call('profile.set', { name: 'Demo technician', role: 'technician' });
}

async function addAttendee(page: Page, name: string, role: string, attendance: 'signed' | 'absent', expectedRows: number) {
  await page.getByTestId('attendee-name').fill(name);
  await page.getByTestId('attendee-role').fill(role);
  if (attendance === 'absent') await page.getByTestId('attendee-absent').check();
  else await drawSignature(page, 2 + expectedRows);
  await page.getByTestId('attendee-submit').click();
  await expect(page.getByTestId('attendee-row')).toHaveCount(expectedRows);
  await expect(page.getByTestId('attendee-row').nth(expectedRows - 1)).toHaveAttribute('data-attendance', attendance);
}

test('an incomplete site shows every gap instead of "Accepted"; after the work and a training session with two signatures the site owner signs "Accepted"', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-training-'));
  shell = await startBrowserShell(dataDir, ['--demo']);
  await page.goto(shell.url);
  await page.getByTestId('site-AMS-001').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-site-code', 'AMS-001');
  const deploymentId = (await shell.call<{ id: string }[]>('deployments.list', {}))[0]!.id;
  const site = (await shell.call<{ id: string; code: string }[]>('sites.list', { deploymentId })).find((s) => s.code === 'AMS-001')!;

  // 1. The technician tries "Accepted" on the untouched site: each gap is listed, and the Sign button stays off.
  await page.getByTestId('tab-signoff').click();
  const gapList = page.getByTestId('signoff-gaps');
  await expect(page.getByTestId('signoff-gap').first()).toBeVisible();
  const gapCount = await page.getByTestId('signoff-gap').count();
  for (const kind of ['checklist_item', 'missing_item', 'failed_check'])
    await expect(gapList.locator(`[data-gap-kind="${kind}"]`).first()).toBeVisible();
  await expect(gapList).toContainText('Checklist (before): "Check power and backup power" is not done');
  await expect(gapList).toContainText('Checklist (hand-over): "Hand over the passwords in a sealed envelope" is not done');
  await expect(gapList).toContainText('Inventory: PowerEdge R660xs');
  await expect(gapList).toContainText('never checked');
  await expect(gapList).not.toContainText('(rollback)');
  await page.getByTestId('decision-accepted').check();
  await expect(page.getByTestId('decision-refusal')).toContainText(`Not complete: ${gapCount} open gaps`);
  await expect(page.getByTestId('sign-submit')).toBeDisabled();

  // 2. The work is done; the technician completes the hand-over section in the Checklist tab.
  await finishWorkExceptHandover(shell, site.id);
  await page.getByTestId('tab-checklist').click();
  const handover = page.getByTestId('phase-handover');
  await expect(handover).toContainText('Hand-over');
  for (const [title, note] of [
    ['Deliver the documentation', 'Rack drawing, network plan and quick guide given to Sanne de Vries'],
    ['Hand over the passwords in a sealed envelope', 'Envelope sealed and signed across the flap, in the store safe'],
    ['Hand over the support contacts', null],
  ] as const) {
    const item = handover.getByTestId('checklist-item').filter({ hasText: title });
    await item.getByTestId('item-done').click();
    if (note) {
      await page.getByTestId('item-note').fill(note);
      await page.getByTestId('item-note-confirm').click();
    }
    await expect(item).toHaveAttribute('data-state', 'done');
  }

  // 3. A training session with a handout, two attendees who sign and one absent.
  await page.getByTestId('tab-training').click();
  await expect(page.getByTestId('training-tab')).toContainText('No training session recorded yet');
  await page.getByTestId('training-new').click();
  await page.getByTestId('training-topic').fill('New tills: sales, refunds and the daily close');
  await page.getByTestId('training-trainer').fill('Demo technician');
  await page.getByTestId('training-start').fill('2026-12-02T10:00');
  await page.getByTestId('training-duration').fill('90');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('training-session-form').getByTestId('training-material').click();
  await (await chooser).setFiles({ name: 'quick-guide.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('training-session-form')).toContainText('quick-guide.png');
  await page.getByTestId('training-session-submit').click();
  const session = page.getByTestId('training-session');
  await expect(session).toHaveCount(1);
  await expect(session).toContainText('New tills: sales, refunds and the daily close');
  await expect(session).toContainText('(Europe/Amsterdam)');
  await expect(session).toContainText('quick-guide.png');
  // The notification closes before the attendee form below it is used.
  await page.mouse.move(5, 5);
  await expect(page.getByText('Training session recorded')).toHaveCount(0);
  await session.getByTestId('attendee-add').click();
  await addAttendee(page, 'Sanne de Vries', 'Store manager (site owner)', 'signed', 1);
  await addAttendee(page, 'Femke Jansen', 'Head cashier', 'signed', 2);
  await addAttendee(page, 'Daan Visser', 'Cashier', 'absent', 3);
  await expect(session.getByTestId('training-signed-count')).toHaveText('2 signed');

  // The attendance list exports as CSV and parses back.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('training-export-csv').click();
  const csv = fs.readFileSync((await (await downloading).path())!, 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  expect(rows.slice(1).map((r) => [r[6], r[8]])).toEqual([
    ['Sanne de Vries', 'signed'],
    ['Femke Jansen', 'signed'],
    ['Daan Visser', 'absent'],
  ]);

  await page.mouse.move(5, 5);
  await expect(page.getByText('Attendance exported')).toHaveCount(0);

  // 4. Nothing stands in the way now: the site owner signs "Accepted"; the review shows the training.
  await page.getByTestId('tab-signoff').click();
  await expect(page.getByTestId('signoff-gaps')).toContainText('No open gaps');
  // Amsterdam's owner reads Dutch (#14 part 4: the sign-off review is in the site owner's language).
  await expect(page.getByTestId('review-training')).toContainText('2 ondertekend, 1 afwezig');
  await page.getByTestId('decision-accepted').check();
  await expect(page.getByTestId('decision-refusal')).toHaveCount(0);
  await page.getByTestId('signer-name').fill('Sanne de Vries');
  await page.getByTestId('signer-role').fill('Store manager (site owner)');
  await drawSignature(page);
  await page.getByTestId('confirm-statement').check();
  await page.getByTestId('sign-submit').click();
  const row = page.getByTestId('sheet-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('sheet-validity')).toHaveText('VALID');
  await expect(row).toContainText('Accepted');
  await expect(row).not.toContainText('exception');
  expect((await shell.call<{ status: string }>('sites.get', { siteId: site.id })).status).toBe('signed_off');
  const sheet = await shell.call<{
    content: { decision: string; gaps: unknown[]; review: { training: { attendees: { name: string; attendance: string }[] }[] } };
  }>('signoff.get', {
    sheetId: await row.getAttribute('data-sheet-id'),
  });
  expect(sheet.content.decision).toBe('accepted');
  expect(sheet.content.gaps).toEqual([]);
  expect(sheet.content.review.training[0]!.attendees.map((a) => `${a.name}: ${a.attendance}`)).toEqual([
    'Sanne de Vries: signed',
    'Femke Jansen: signed',
    'Daan Visser: absent',
  ]);

  // The PDF prints the training and attendance, in the Dutch the sheet was signed in.
  await page.mouse.move(5, 5);
  await expect(page.getByText('Signed. The sheet and its PDF')).toHaveCount(0);
  const pdfDownload = page.waitForEvent('download');
  await row.getByTestId('export-pdf').click();
  const text = execFileSync('pdftotext', ['-layout', (await (await pdfDownload).path())!, '-'], { encoding: 'utf8' });
  expect(text).toContain('Training en aanwezigheid (1 sessie)');
  expect(text).toContain('2 ondertekend, 1 afwezig');
  expect(text).toMatch(/Daan Visser\s+Cashier\s+Afwezig/);

  // The site report lists the session too.
  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('report-training-session')).toContainText('New tills: sales, refunds and the daily close');
  await expect(page.getByTestId('report-training').getByTestId('attendee-row')).toHaveCount(3);
});
