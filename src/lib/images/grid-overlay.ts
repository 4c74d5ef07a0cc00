// What is drawn over the grid's cells with canvas 2D calls: the highlight's
// white wash over full-sheet cells, group headers, the red corner of flagged
// images and the keyboard focus ring. Takes any object with the few 2D
// context members it uses, so tests record the calls without a browser.
import { slotPosition, type GridLayout } from './grid-layout.ts';

export type OverlayContext = Pick<CanvasRenderingContext2D, 'fillRect' | 'fillText' | 'strokeRect'> & {
  font: string;
  textBaseline: CanvasTextBaseline;
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
};

export interface OverlayInput {
  layout: GridLayout;
  /** Scroll offset and the band [y0, y1) being painted (CSS px). */
  top: number;
  y0: number;
  y1: number;
  /** Header row height (CSS px). */
  header: number;
  /** Flagged items still blurred, and the slot of each item (-1 when not shown); none once revealed. */
  flagged: readonly (readonly [number, string])[];
  slotOfItem: Int32Array;
  revealed: boolean;
  focusSlot: number;
}

/** Draws headers, flagged corners and the focus ring inside the band; returns how many marks it drew. */
export function paintOverlay(ctx: OverlayContext, o: OverlayInput): number {
  const L = o.layout;
  let marks = 0;
  ctx.font = '600 13px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#222';
  for (const g of L.groups) {
    if (g.label && g.headerY + o.header > o.y0 && g.headerY < o.y1) {
      ctx.fillText(`${g.label} (${g.count.toLocaleString('en-US')})`, 0, g.headerY + o.header / 2 - o.top);
      marks++;
    }
  }
  if (!o.revealed && L.cell >= 10) {
    ctx.fillStyle = '#b00020';
    const corner = Math.max(3, L.cell / 6);
    for (const [item] of o.flagged) {
      const slot = o.slotOfItem[item] ?? -1;
      if (slot < 0) continue;
      const p = slotPosition(L, slot);
      if (p.y + L.cell > o.y0 && p.y < o.y1) {
        ctx.fillRect(p.x, p.y - o.top, corner, corner);
        marks++;
      }
    }
  }
  if (o.focusSlot >= 0 && o.focusSlot < L.order.length) {
    const p = slotPosition(L, o.focusSlot);
    ctx.strokeStyle = '#0050d0';
    ctx.lineWidth = 2;
    ctx.strokeRect(p.x - 1, p.y - o.top - 1, L.cell + 2, L.cell + 2);
    marks++;
  }
  return marks;
}

/** Slot of each item in a layout (-1 when not shown); only filled when some items are flagged. */
export function slotsOfItems(layout: GridLayout, n: number, needed: boolean): Int32Array {
  const slots = new Int32Array(n).fill(-1);
  if (needed) layout.order.forEach((item, slot) => (slots[item] = slot));
  return slots;
}
