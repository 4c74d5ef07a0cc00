// Painting one band of a grid (src/lib/images/grid-paint.ts) on a synthetic
// fixture (four flat-colour 4 x 4 px cells, not dataset data) into a
// recording context: small cells rasterised into the band's pixels, large
// ones from full-resolution tiles once loaded, the preview meanwhile.
import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../../src/lib/images/grid-layout.ts';
import { paintBand, type BandInput, type PaintContext } from '../../../src/lib/images/grid-paint.ts';
import type { RasterSource } from '../../../src/lib/images/grid-raster.ts';

const RED = 0xff0000ff;
const GREEN = 0xff00ff00;
const BLUE = 0xffff0000;
const WHITE = 0xffffffff;

function source(): RasterSource {
  const data = new Uint32Array(64);
  const colours = [RED, GREEN, BLUE, WHITE];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) data[y * 8 + x] = colours[Math.floor(y / 4) * 2 + Math.floor(x / 4)]!;
  return { sheets: [{ data, width: 8 }], columns: [2], perAtlas: 4, cellWidth: 4, cellHeight: 4, cells: [0, 1, 2, 3] };
}

function recorder() {
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) => (key in target ? target[key] : (...args: unknown[]) => calls.push(`${key}(${args.filter((a) => typeof a !== 'object').join(',')})`)),
    set: (target, key: string, value) => ((target[key] = value), true),
  });
  return { ctx: ctx as unknown as PaintContext, calls };
}

const pixels = (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h, colorSpace: 'srgb' }) as unknown as ImageData;

// Four items, two to a row, 4 px cells: rows at y 0 and 4.
const layout = layoutGrid([{ label: '', members: [0, 1, 2, 3] }], { width: 8, cell: 4 });
const base = (over: Partial<BandInput> = {}): BandInput => ({
  layout, top: 4, height: 4, scale: 1, pixels: pixels(8, 4), source: source(), full: false,
  fullOf: (item) => ({ src: `/tile-${item >> 1}.png`, x: (item & 1) * 4, y: 0 }),
  fulls: new Map(), request: () => {}, cellWidth: 4, cellHeight: 4, pixelated: true,
  overlay: { header: 0, flagged: [], slotOfItem: new Int32Array(4).fill(-1), revealed: false, focusSlot: -1 },
  ...over,
});

describe('painting a band', () => {
  it('rasterises the band\'s rows of small cells into its pixels: the second row is blue, white', () => {
    const { ctx, calls } = recorder();
    const b = base();
    expect(paintBand(ctx, b)).toBe(true);
    const px = new Uint32Array(b.pixels.data.buffer);
    expect([px[0], px[3], px[4], px[7]]).toEqual([BLUE, BLUE, WHITE, WHITE]);
    expect(calls).toContain('putImageData(0,0)');
    expect(calls.some((c) => c.startsWith('drawImage'))).toBe(false);
  });

  it('asks for the tiles of the cells it draws large, shows the preview until they load, then draws from them', () => {
    const asked: string[] = [];
    const first = recorder();
    expect(paintBand(first.ctx, base({ full: true, request: (src) => asked.push(src) }))).toBe(false);
    expect(asked).toEqual(['/tile-1.png', '/tile-1.png']); // only the band's row: items 2 and 3
    expect(first.calls).toContain('putImageData(0,0)');
    const tile = {} as CanvasImageSource;
    const second = recorder();
    expect(paintBand(second.ctx, base({ full: true, fulls: new Map([['/tile-1.png', tile]]) }))).toBe(true);
    expect(second.calls.filter((c) => c.startsWith('drawImage'))).toEqual(['drawImage(0,0,4,4,0,0,4,4)', 'drawImage(4,0,4,4,4,0,4,4)']);
    expect(second.calls).not.toContain('putImageData(0,0)');
  });
});
