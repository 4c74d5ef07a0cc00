// The band canvases of a grid (grid-bands.ts): made, placed at their rows in
// the scrolled content, reused once freed. Takes a factory and a host, so
// tests run it on plain objects without a browser.

/** The canvas members the layer uses. */
export interface BandCanvas {
  width: number;
  height: number;
  className: string;
  style: { top: string; width: string; height: string };
  readonly isConnected: boolean;
  setAttribute(name: string, value: string): void;
  remove(): void;
  getContext(id: '2d'): { createImageData(w: number, h: number): ImageData } | null;
}

export interface Band<C extends BandCanvas> {
  canvas: C;
  ctx: NonNullable<ReturnType<C['getContext']>>;
  pixels: ImageData;
}

/** Where band k goes: its top (CSS px) and size in device px, from the band height, the layout height and the device scale. */
export function bandBox(k: number, band: number, layoutHeight: number, width: number, scale: number): { top: number; cssHeight: number; w: number; h: number } {
  // Whole device pixels: bands meet with no seam and no overlap.
  const y0 = Math.round(k * band * scale);
  const y1 = Math.round(Math.min((k + 1) * band, layoutHeight) * scale);
  return { top: y0 / scale, cssHeight: Math.max(1, y1 - y0) / scale, w: Math.max(1, Math.round(width * scale)), h: Math.max(1, y1 - y0) };
}

export class BandLayer<C extends BandCanvas> {
  readonly bands = new Map<number, Band<C>>();
  /** Freed bands, canvas and pixel buffer, for reuse. */
  private readonly spare: Band<C>[] = [];

  constructor(
    private readonly host: { appendChild(node: C): unknown },
    private readonly make: () => C,
  ) {}

  /** Band k's canvas, sized and placed for the box (made or reused; the pixel buffer too when the size matches). */
  place(k: number, box: ReturnType<typeof bandBox>, cssWidth: number): Band<C> {
    let b = this.bands.get(k) ?? this.spare.pop();
    if (!b) {
      const canvas = this.make();
      canvas.className = 'grid-band';
      canvas.setAttribute('aria-hidden', 'true');
      b = { canvas, ctx: canvas.getContext('2d') as Band<C>['ctx'], pixels: undefined as unknown as ImageData };
    }
    if (b.canvas.width !== box.w || b.canvas.height !== box.h || !b.pixels) {
      b.canvas.width = box.w;
      b.canvas.height = box.h;
      b.pixels = b.ctx.createImageData(box.w, box.h);
    }
    this.bands.set(k, b);
    const s = b.canvas.style;
    s.top = `${box.top}px`;
    s.width = `${cssWidth}px`;
    s.height = `${box.cssHeight}px`;
    if (!b.canvas.isConnected) this.host.appendChild(b.canvas);
    return b;
  }

  /** Takes band k off the page and keeps its canvas for another band. */
  free(k: number): void {
    const b = this.bands.get(k);
    if (!b) return;
    this.bands.delete(k);
    b.canvas.remove();
    this.spare.push(b);
  }

  freeAll(): void {
    for (const k of [...this.bands.keys()]) this.free(k);
  }

  painted(): Set<number> {
    return new Set(this.bands.keys());
  }
}
