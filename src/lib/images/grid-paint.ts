// Paints one band of an image grid (grid-bands.ts) into its canvas: small
// cells by the software rasteriser from the preview or overview sheets
// (grid-raster.ts), large ones one by one from full-resolution tiles
// (grid-tiles.ts) once those have loaded, then headers and flagged corners
// (grid-overlay.ts). Takes any object with the few 2D context members it
// uses, so tests record the calls without a browser.
import type { GridLayout } from './grid-layout.ts';
import { paintOverlay, type OverlayContext, type OverlayInput } from './grid-overlay.ts';
import { forEachVisible, rasterize, type RasterSource } from './grid-raster.ts';

export type PaintContext = OverlayContext &
  Pick<CanvasRenderingContext2D, 'setTransform' | 'clearRect' | 'putImageData' | 'drawImage' | 'save' | 'restore' | 'beginPath' | 'rect' | 'clip'> & {
    imageSmoothingEnabled: boolean;
  };

/** Where an item's full-resolution pixels are (grid-tiles.ts's fullPiece). */
export type FullPiece = { src: string; x: number; y: number };

export interface BandInput {
  layout: GridLayout;
  /** Top of the band in the layout and its height (CSS px); device px per CSS px. */
  top: number;
  height: number;
  scale: number;
  /** The band's pixel buffer (its canvas's size): the rasteriser writes it, then it is put whole. */
  pixels: ImageData;
  /** Small cells: the preview or overview sheets. */
  source: RasterSource;
  /** Whether cells are drawn from full-resolution pixels (grid-model.ts's wantsFull). */
  full: boolean;
  fullOf: (item: number) => FullPiece;
  /** Loaded full-resolution images by URL ('loading' meanwhile); `request` asks for a missing one. */
  fulls: ReadonlyMap<string, CanvasImageSource | 'loading'>;
  request: (src: string) => void;
  cellWidth: number;
  cellHeight: number;
  pixelated: boolean;
  /** Items under the highlight's white wash. */
  faded?: ((item: number) => boolean) | undefined;
  overlay: Omit<OverlayInput, 'layout' | 'top' | 'y0' | 'y1'>;
}

/**
 * Paints the band. While full-resolution tiles load, the preview stands in
 * for their cells (never holes) and cells whose tile has come are drawn sharp.
 * Returns whether the band shows its final picture (false while tiles load).
 */
export function paintBand(ctx: PaintContext, b: BandInput): boolean {
  const L = b.layout;
  const y0 = b.top;
  const y1 = b.top + b.height;
  let fullReady = b.full;
  if (b.full) {
    forEachVisible(L, y0, y1, (slot) => {
      const { src } = b.fullOf(L.order[slot]!);
      const f = b.fulls.get(src);
      if (!f) b.request(src);
      if (!f || f === 'loading') fullReady = false;
    });
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (fullReady) {
    ctx.clearRect(0, 0, b.pixels.width, b.pixels.height);
  } else {
    rasterize({ data: new Uint32Array(b.pixels.data.buffer), width: b.pixels.width, height: b.pixels.height }, L, b.source, { top: y0, scale: b.scale });
    ctx.putImageData(b.pixels, 0, 0);
  }
  ctx.save();
  ctx.setTransform(b.scale, 0, 0, b.scale, 0, 0);
  if (b.full) {
    // The tiles that have loaded are drawn over the preview already (sharper cells as they arrive).
    ctx.imageSmoothingEnabled = !b.pixelated || L.cell < b.cellWidth;
    ctx.fillStyle = 'rgba(255,255,255,0.78)';
    forEachVisible(L, y0, y1, (slot, x, y) => {
      const item = L.order[slot]!;
      const at = b.fullOf(item);
      const image = b.fulls.get(at.src);
      if (!image || image === 'loading') return;
      if (!fullReady) ctx.clearRect(x, y - y0, L.cell, L.cell);
      ctx.drawImage(image, at.x, at.y, b.cellWidth, b.cellHeight, x, y - y0, L.cell, L.cell);
      if (b.faded?.(item)) ctx.fillRect(x, y - y0, L.cell, L.cell);
    });
  }
  paintOverlay(ctx, { ...b.overlay, layout: L, top: y0, y0, y1 });
  ctx.restore();
  return !b.full || fullReady;
}
