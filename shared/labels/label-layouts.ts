import { z } from 'zod';

/**
 * The label stocks Outpost prints on (issue #14): two label-printer rolls, one label per page as
 * their drivers expect, and two office sheets. Sizes in millimetres, as the stock's maker gives them;
 * the PDF works in points (1/72 in).
 */
export const labelLayoutIdSchema = z.enum(['roll_62x29mm', 'roll_2_25x1_25in', 'avery_l7160', 'avery_5160']);
export type LabelLayoutId = z.infer<typeof labelLayoutIdSchema>;

export interface LabelLayout {
  id: LabelLayoutId;
  title: string;
  /** Page (sheet or one label of a roll), millimetres. */
  page: { width: number; height: number };
  /** One label, millimetres. */
  label: { width: number; height: number };
  columns: number;
  rows: number;
  /** Left and top edge of the first label, millimetres from the page's top-left corner. */
  margin: { left: number; top: number };
  /** Distance between the left (top) edges of neighbouring labels, millimetres. */
  pitch: { x: number; y: number };
}

const IN = 25.4;

export const LABEL_LAYOUTS: Readonly<Record<LabelLayoutId, LabelLayout>> = {
  roll_62x29mm: {
    id: 'roll_62x29mm',
    title: '62 × 29 mm continuous roll (Brother DK-22205 and similar)',
    page: { width: 62, height: 29 },
    label: { width: 62, height: 29 },
    columns: 1,
    rows: 1,
    margin: { left: 0, top: 0 },
    pitch: { x: 62, y: 29 },
  },
  roll_2_25x1_25in: {
    id: 'roll_2_25x1_25in',
    title: '2.25 × 1.25 in labels (Zebra, Dymo and similar)',
    page: { width: 2.25 * IN, height: 1.25 * IN },
    label: { width: 2.25 * IN, height: 1.25 * IN },
    columns: 1,
    rows: 1,
    margin: { left: 0, top: 0 },
    pitch: { x: 2.25 * IN, y: 1.25 * IN },
  },
  // Avery L7160: A4, 3 × 7 labels of 63.5 × 38.1 mm, 2.54 mm between columns.
  avery_l7160: {
    id: 'avery_l7160',
    title: 'Avery L7160 (A4, 21 labels of 63.5 × 38.1 mm)',
    page: { width: 210, height: 297 },
    label: { width: 63.5, height: 38.1 },
    columns: 3,
    rows: 7,
    margin: { left: 7.21, top: 15.15 },
    pitch: { x: 66.04, y: 38.1 },
  },
  // Avery 5160: US Letter, 3 × 10 labels of 2.625 × 1 in, 1/8 in between columns.
  avery_5160: {
    id: 'avery_5160',
    title: 'Avery 5160 (Letter, 30 labels of 2⅝ × 1 in)',
    page: { width: 8.5 * IN, height: 11 * IN },
    label: { width: 2.625 * IN, height: 1 * IN },
    columns: 3,
    rows: 10,
    margin: { left: 0.1875 * IN, top: 0.5 * IN },
    pitch: { x: 2.75 * IN, y: 1 * IN },
  },
};

export const labelsPerPage = (layout: LabelLayout): number => layout.columns * layout.rows;

/** Where one label goes: its page and its box in millimetres from the page's top-left corner. */
export interface LabelSlot {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The slots of `count` labels in order (row by row on a sheet). `skip` leaves the first positions of
 * the first sheet empty, so a sheet already partly used can go through the printer again.
 */
export function labelSlots(layout: LabelLayout, count: number, skip = 0): LabelSlot[] {
  const perPage = labelsPerPage(layout);
  const first = perPage > 1 ? Math.min(Math.max(0, Math.trunc(skip)), perPage - 1) : 0;
  const slots: LabelSlot[] = [];
  for (let i = 0; i < count; i++) {
    const position = first + i;
    const onPage = position % perPage;
    const column = onPage % layout.columns;
    const row = Math.floor(onPage / layout.columns);
    slots.push({
      page: Math.floor(position / perPage),
      x: layout.margin.left + column * layout.pitch.x,
      y: layout.margin.top + row * layout.pitch.y,
      width: layout.label.width,
      height: layout.label.height,
    });
  }
  return slots;
}

/** Millimetres to PDF points. */
export const mmToPt = (mm: number): number => (mm * 72) / IN;
