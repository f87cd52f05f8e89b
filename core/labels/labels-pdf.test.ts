import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_LAYOUTS, labelSlots, type LabelLayoutId } from '../../shared/labels/label-layouts';
import { decodePdfBarcodes, pdfPageSizesMm } from '../../test/support/pdf-barcodes';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

// The label PDF as a printer gets it, read back as a scanner would: poppler renders each page and
// zxing-wasm decodes it. Every label's asset tag and serial must come back, as Code 128 and as QR,
// from inside that label's box on the stock (within 0.5 mm), and the pages must be the stock's size.

let core: TestCore;
let siteId: string;
let siteCode: string;
let itemIds: string[];
/** Per item, in print order: its tag (null for none) and serial. */
let expected: { assetTag: string | null; serial: string }[];

beforeAll(() => {
  const sample = openSampleCore();
  core = sample.core;
  siteId = sample.site.id;
  siteCode = sample.site.code;
  const received = core.call('inventory.list', { siteId, limit: 4 }).items;
  for (const item of received) core.call('inventory.receive', { siteId, serial: item.expectedSerial! });
  const surplus = ['SUR-2026-0001', 'sn 77/a+b', 'X9-LONG-SERIAL-0000123456'].map((serial) =>
    core.call('inventory.recordSurplus', { siteId, serial, model: 'Unplanned switch' }),
  );
  core.call('labels.assignTags', { siteId, itemIds: surplus.slice(0, 2).map((s) => s.id) });
  const byId = new Map(core.call('labels.items', { siteId }).items.map((i) => [i.id, i]));
  itemIds = [...received.map((i) => i.id), ...surplus.map((s) => s.id)];
  expected = itemIds.map((id) => ({ assetTag: byId.get(id)!.assetTag, serial: byId.get(id)!.foundSerial! }));
}, 60_000);
afterAll(() => core?.close());

async function labelsPdf(layout: LabelLayoutId, skip = 0): Promise<Uint8Array> {
  const file = await core.callAsync('labels.pdf', { siteId, itemIds, layout, skip });
  expect(file).toMatchObject({ mediaType: 'application/pdf', fileName: `labels-${siteCode}-${layout}.pdf` });
  return new Uint8Array(Buffer.from(file.base64, 'base64'));
}

const TOLERANCE_MM = 0.5;

async function expectLabelsReadBack(layout: LabelLayoutId, skip: number, dpi: number): Promise<void> {
  const stock = LABEL_LAYOUTS[layout];
  const pdf = await labelsPdf(layout, skip);
  const slots = labelSlots(stock, itemIds.length, skip);
  const sizes = pdfPageSizesMm(pdf);
  expect(sizes).toHaveLength(slots[slots.length - 1]!.page + 1);
  for (const size of sizes) {
    expect(Math.abs(size.width - stock.page.width)).toBeLessThan(TOLERANCE_MM);
    expect(Math.abs(size.height - stock.page.height)).toBeLessThan(TOLERANCE_MM);
  }
  const pages = await decodePdfBarcodes(pdf, dpi);
  const found = new Map<string, number>();
  for (const { page, pxPerMm, results } of pages) {
    for (const result of results) {
      const label = expected.findIndex((e) => e.assetTag === result.text || e.serial === result.text);
      expect(label, `decoded ${result.text} is on no label`).toBeGreaterThanOrEqual(0);
      const slot = slots[label]!;
      expect(page).toBe(slot.page);
      // Every corner of the symbol inside its own label's box.
      for (const corner of Object.values(result.position)) {
        const x = corner.x / pxPerMm;
        const y = corner.y / pxPerMm;
        expect(x).toBeGreaterThan(slot.x - TOLERANCE_MM);
        expect(x).toBeLessThan(slot.x + slot.width + TOLERANCE_MM);
        expect(y).toBeGreaterThan(slot.y - TOLERANCE_MM);
        expect(y).toBeLessThan(slot.y + slot.height + TOLERANCE_MM);
      }
      const key = `${result.format}|${result.text}`;
      found.set(key, (found.get(key) ?? 0) + 1);
    }
  }
  const wanted = expected
    .flatMap((e) => [e.serial, ...(e.assetTag ? [e.assetTag] : [])])
    .flatMap((text) => [`Code128|${text}`, `QRCode|${text}`]);
  expect([...found.keys()].sort()).toEqual(wanted.sort());
  expect([...found.values()].every((n) => n === 1)).toBe(true);
}

describe('asset label PDF', () => {
  it('62 × 29 mm roll: one label per page, every tag and serial decodes back as Code 128 and QR', async () => {
    // The plan's tags on the received items, Outpost's on two surplus ones, none on the last.
    expect(expected.slice(0, 4).every((e) => e.assetTag)).toBe(true);
    expect(expected.slice(4).map((e) => e.assetTag)).toEqual([`${siteCode}-L-0001`, `${siteCode}-L-0002`, null]);
    await expectLabelsReadBack('roll_62x29mm', 0, 600);
  }, 120_000);

  it('2.25 × 1.25 in roll', async () => {
    await expectLabelsReadBack('roll_2_25x1_25in', 0, 600);
  }, 120_000);

  it('Avery L7160 on A4, starting at the third position of a used sheet', async () => {
    await expectLabelsReadBack('avery_l7160', 2, 400);
  }, 120_000);

  it('Avery 5160 on Letter, onto a second sheet', async () => {
    await expectLabelsReadBack('avery_5160', 25, 400);
  }, 120_000);

  it('refuses an item of another site, an empty selection and an unknown layout', async () => {
    const other = core.call('inventory.list', {
      siteId: core.call('sites.list', { deploymentId: core.call('deployments.list', {})[0]!.id })[1]!.id,
      limit: 1,
    }).items[0]!;
    expect(await core.core.call('labels.pdf', { siteId, itemIds: [other.id], layout: 'avery_5160' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await core.core.call('labels.pdf', { siteId, itemIds: [], layout: 'avery_5160' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await core.core.call('labels.pdf', { siteId, itemIds, layout: 'a4_any' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});
