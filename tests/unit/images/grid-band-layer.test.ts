// The band canvases of a grid (src/lib/images/grid-band-layer.ts) on plain
// objects standing in for canvases: placed at whole device pixels, reused
// once freed, never left on the page after freeing.
import { describe, expect, it } from 'vitest';
import { BandLayer, bandBox, type BandCanvas } from '../../../src/lib/images/grid-band-layer.ts';

function fakeCanvas() {
  const c = {
    width: 0, height: 0, className: '', style: { top: '', width: '', height: '' }, isConnected: false, attrs: {} as Record<string, string>, buffers: 0,
    setAttribute(name: string, value: string) { c.attrs[name] = value; },
    remove() { c.isConnected = false; },
    getContext() { return { createImageData: (w: number, h: number) => { c.buffers++; return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) } as unknown as ImageData; } }; },
  };
  return c satisfies BandCanvas;
}

describe('grid band layer', () => {
  it('places bands at whole device pixels that meet with no seam, the last one ending with the layout', () => {
    // 256 px bands at 1.5 device px per CSS px in a 600 px layout.
    const a = bandBox(0, 256, 600, 300.4, 1.5);
    const b = bandBox(1, 256, 600, 300.4, 1.5);
    const c = bandBox(2, 256, 600, 300.4, 1.5);
    expect([a.top, a.h, b.top, b.h, c.top, c.h]).toEqual([0, 384, 256, 384, 512, 132]);
    expect(a.w).toBe(451);
    expect((c.top + c.cssHeight) * 1.5).toBe(900);
  });

  it('makes a canvas per band, hidden from assistive technology, and reuses freed ones with their buffers', () => {
    const host: ReturnType<typeof fakeCanvas>[] = [];
    const made: ReturnType<typeof fakeCanvas>[] = [];
    const layer = new BandLayer({ appendChild: (c: ReturnType<typeof fakeCanvas>) => { c.isConnected = true; host.push(c); } }, () => {
      const c = fakeCanvas();
      made.push(c);
      return c;
    });
    const box = (k: number) => bandBox(k, 256, 2000, 400, 1);
    layer.place(0, box(0), 400);
    layer.place(1, box(1), 400);
    expect(made).toHaveLength(2);
    expect(made.map((c) => [c.className, c.attrs['aria-hidden'], c.style.top, c.style.height, c.width, c.height])).toEqual([
      ['grid-band', 'true', '0px', '256px', 400, 256],
      ['grid-band', 'true', '256px', '256px', 400, 256],
    ]);
    expect([...layer.painted()]).toEqual([0, 1]);
    layer.free(0);
    expect(made[0]!.isConnected).toBe(false);
    // Band 5 takes the freed canvas and its pixel buffer (same size): nothing new is made.
    const five = layer.place(5, box(5), 400);
    expect(five.canvas).toBe(made[0]);
    expect(made).toHaveLength(2);
    expect(made[0]!.buffers).toBe(1);
    expect([five.canvas.style.top, five.canvas.isConnected]).toEqual(['1280px', true]);
    layer.freeAll();
    expect(layer.painted().size).toBe(0);
    expect(made.every((c) => !c.isConnected)).toBe(true);
  });
});
