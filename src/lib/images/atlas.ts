// Sprite-atlas packing: where each of N equal-sized thumbnails sits in which
// atlas image. Pure: the pipeline composites pixels, grids read the cells.

export interface AtlasCell {
  /** Which atlas image (0-based). */
  atlas: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface AtlasSheet {
  index: number;
  width: number;
  height: number;
  columns: number;
  /** Number of cells in this sheet. */
  count: number;
}

export interface AtlasLayout {
  cellWidth: number;
  cellHeight: number;
  /** Cells per sheet (the last sheet may hold fewer). */
  perAtlas: number;
  sheets: AtlasSheet[];
  cells: AtlasCell[];
}

export interface PackOptions {
  cellWidth: number;
  cellHeight: number;
  /** At most this many cells per atlas image. */
  perAtlas: number;
  /** Keep every atlas image at most this wide and tall (browsers cap canvas/image sizes). */
  maxSide?: number;
}

/**
 * Packs `count` equal cells into row-major square-ish sheets of at most
 * `perAtlas` cells. Cell i is in sheet floor(i / perAtlas), so a reader can find
 * a cell from its index alone.
 */
export function packAtlas(count: number, options: PackOptions): AtlasLayout {
  const { cellWidth, cellHeight, maxSide = 4096 } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
  if (cellWidth <= 0 || cellHeight <= 0) throw new RangeError('cell sizes must be positive');
  const maxColumns = Math.floor(maxSide / cellWidth);
  const maxRows = Math.floor(maxSide / cellHeight);
  const perAtlas = Math.min(options.perAtlas, maxColumns * maxRows);
  if (perAtlas < 1) throw new RangeError(`a ${cellWidth}x${cellHeight} cell does not fit in ${maxSide}px`);
  const columns = Math.min(maxColumns, Math.ceil(Math.sqrt(perAtlas)));
  const sheets: AtlasSheet[] = [];
  const cells: AtlasCell[] = [];
  for (let start = 0, index = 0; start < count; start += perAtlas, index++) {
    const n = Math.min(perAtlas, count - start);
    const sheetColumns = Math.min(columns, n);
    const rows = Math.ceil(n / sheetColumns);
    sheets.push({ index, width: sheetColumns * cellWidth, height: rows * cellHeight, columns: sheetColumns, count: n });
    for (let k = 0; k < n; k++) {
      cells.push({ atlas: index, x: (k % sheetColumns) * cellWidth, y: Math.floor(k / sheetColumns) * cellHeight, w: cellWidth, h: cellHeight });
    }
  }
  return { cellWidth, cellHeight, perAtlas, sheets, cells };
}
