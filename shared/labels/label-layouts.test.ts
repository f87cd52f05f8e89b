import { describe, expect, it } from 'vitest';
import { LABEL_LAYOUTS, labelSlots, labelsPerPage } from './label-layouts';

describe('label layouts', () => {
  it("fit every label on its page with the stock maker's margins", () => {
    for (const layout of Object.values(LABEL_LAYOUTS)) {
      const slots = labelSlots(layout, labelsPerPage(layout));
      for (const slot of slots) {
        expect(slot.page).toBe(0);
        expect(slot.x).toBeGreaterThanOrEqual(0);
        expect(slot.y).toBeGreaterThanOrEqual(0);
        expect(slot.x + slot.width).toBeLessThanOrEqual(layout.page.width + 1e-9);
        expect(slot.y + slot.height).toBeLessThanOrEqual(layout.page.height + 1e-9);
      }
      // Left and right margins equal within 0.1 mm (the sheets are symmetric), and so top and bottom.
      const last = slots[slots.length - 1]!;
      expect(Math.abs(layout.page.width - (last.x + last.width) - slots[0]!.x)).toBeLessThan(0.1);
      expect(Math.abs(layout.page.height - (last.y + last.height) - slots[0]!.y)).toBeLessThan(0.1);
    }
  });

  it('are Avery L7160 (A4, 3 × 7 of 63.5 × 38.1 mm) and 5160 (Letter, 3 × 10 of 66.7 × 25.4 mm)', () => {
    expect(LABEL_LAYOUTS.avery_l7160).toMatchObject({
      page: { width: 210, height: 297 },
      label: { width: 63.5, height: 38.1 },
      columns: 3,
      rows: 7,
    });
    const letter = LABEL_LAYOUTS.avery_5160;
    expect(letter.page.width).toBeCloseTo(215.9, 1);
    expect(letter.page.height).toBeCloseTo(279.4, 1);
    expect(letter.label.width).toBeCloseTo(66.675, 3);
    expect(letter.label.height).toBeCloseTo(25.4, 3);
    expect(labelsPerPage(letter)).toBe(30);
    expect(LABEL_LAYOUTS.roll_2_25x1_25in.page.width).toBeCloseTo(57.15, 2);
  });

  it('fill sheets row by row, skipping used positions on the first sheet only', () => {
    const layout = LABEL_LAYOUTS.avery_l7160;
    const slots = labelSlots(layout, 22, 2);
    expect(slots[0]).toMatchObject({ page: 0, x: layout.margin.left + 2 * layout.pitch.x, y: layout.margin.top });
    expect(slots[1]).toMatchObject({ page: 0, x: layout.margin.left, y: layout.margin.top + layout.pitch.y });
    expect(slots[18]!.page).toBe(0);
    expect(slots[19]).toMatchObject({ page: 1, x: layout.margin.left, y: layout.margin.top });
    // A roll has one label per page; a skip means nothing there.
    expect(labelSlots(LABEL_LAYOUTS.roll_62x29mm, 3, 5).map((s) => s.page)).toEqual([0, 1, 2]);
  });
});
