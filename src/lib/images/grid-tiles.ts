// Full-resolution atlas sheets cut into tiles (issue 18): a grid zoomed in
// far enough to draw cells from full-resolution pixels fetches only the tiles
// under the cells it draws, ~30 KB each, never a whole 2,800 px sheet (~1 MB
// for MNIST). A tile holds whole cells (18 x 18 MNIST digits, 504 px), so a
// cell never straddles two tiles. Pure: the pipeline cuts with tileRects, the
// island finds a cell's tile with fullPiece.

/** Tiles are at most this many px a side (whole cells only). */
export const TILE_PX = 512;

/** How a sheet is cut: `cells` cells a side per tile, `columns` tiles a row, row-major `srcs`. */
export interface SheetTiles {
  cells: number;
  columns: number;
  srcs: string[];
  /** The same tiles with flagged cells blurred (shown until the reader lifts the warning). */
  safeSrcs?: string[] | undefined;
}

/** Cells a side of a tile: as many whole cells as fit in `tilePx`, at least one. */
export function tileCells(cellWidth: number, cellHeight: number, tilePx = TILE_PX): number {
  return Math.max(1, Math.floor(tilePx / Math.max(cellWidth, cellHeight)));
}

/** The pixel rectangles of a sheet's tiles, row-major: edge tiles are cut to the sheet. */
export function tileRects(sheet: { width: number; height: number }, cellWidth: number, cellHeight: number, cells: number): { columns: number; rects: { x: number; y: number; w: number; h: number }[] } {
  const tw = cells * cellWidth;
  const th = cells * cellHeight;
  const columns = Math.ceil(sheet.width / tw);
  const rows = Math.ceil(sheet.height / th);
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) rects.push({ x: c * tw, y: r * th, w: Math.min(tw, sheet.width - c * tw), h: Math.min(th, sheet.height - r * th) });
  }
  return { columns, rects };
}

/**
 * Where the full-resolution pixels of a cell at (sx, sy) of a sheet are: the
 * tile (or, for an untiled sheet, the sheet itself) to fetch, and the cell's
 * top-left pixel in it. The safe variant until the reader lifts the warning.
 */
export function fullPiece(
  sheet: { src: string; safeSrc?: string | undefined; tiles?: SheetTiles | undefined },
  cellWidth: number,
  cellHeight: number,
  sx: number,
  sy: number,
  revealed: boolean,
): { src: string; x: number; y: number } {
  const t = sheet.tiles;
  if (!t) return { src: revealed || !sheet.safeSrc ? sheet.src : sheet.safeSrc, x: sx, y: sy };
  const tw = t.cells * cellWidth;
  const th = t.cells * cellHeight;
  const col = Math.floor(sx / tw);
  const row = Math.floor(sy / th);
  const k = row * t.columns + col;
  const src = col < t.columns ? (!revealed && t.safeSrcs ? t.safeSrcs[k] : t.srcs[k]) : undefined;
  if (src === undefined) throw new RangeError(`cell at ${sx},${sy} lies outside the sheet's ${t.srcs.length} tiles`);
  return { src, x: sx - col * tw, y: sy - row * th };
}
