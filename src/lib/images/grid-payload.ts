// Builds an image grid's compact payload from a gallery manifest, at build
// time only (it reads validated items; the browser gets the payload).
import { encodeInts, encodeStrings } from './grid-columns.ts';
import { isFlagged } from './dataset-item.ts';
import type { GalleryManifest } from './gallery.ts';
import type { GridPayload } from './grid-view.ts';
import type { GridPlacement } from './grid-atlas.ts';

/**
 * Builds the payload for the manifest items at `indices` (all when omitted),
 * drawn from the gallery's sheets or, given a `placement`, from sheets of
 * the grid's own (grid-atlas.ts).
 */
export function toGridPayload(m: GalleryManifest, noun: string, indices?: readonly number[], withTexts = true, placement?: GridPlacement): GridPayload {
  const pick = indices ?? m.items.map((_, i) => i);
  const items = pick.map((i) => m.items[i]!);
  const usedSheets = new Set(pick.map((i) => Math.floor(m.cells[i]! / m.perAtlas)));
  const tasks = [...new Set(items.flatMap((it) => it.labels.map((l) => l.task)))];
  const scoreNames = [...new Set(items.flatMap((it) => Object.keys(it.scores)))];
  const categories: GridPayload['categories'] = tasks.map((task) => ({
    name: task,
    column: encodeStrings(items.map((it) => it.labels.find((l) => l.task === task)?.label ?? '(none)')),
  }));
  if (items.some((it) => it.split)) categories.unshift({ name: 'split', column: encodeStrings(items.map((it) => it.split ?? '(none)')) });
  return {
    dataset: m.dataset,
    noun,
    license: m.license,
    sheets: placement?.sheets ?? m.sheets.map((s, k) => ({
      src: s.src,
      safeSrc: s.safeSrc,
      width: s.width,
      height: s.height,
      columns: s.columns,
      used: usedSheets.has(k),
      preview: { src: s.preview.src, safeSrc: s.preview.safeSrc, width: s.preview.width, height: s.preview.height },
      overview: s.overview && { src: s.overview.src, safeSrc: s.overview.safeSrc, width: s.overview.width, height: s.overview.height },
      tiles: s.tiles,
    })),
    cellWidth: m.cellWidth,
    cellHeight: m.cellHeight,
    previewCellWidth: m.previewCellWidth,
    previewCellHeight: m.previewCellHeight,
    ...(placement || !m.overviewCellWidth ? {} : { overviewCellWidth: m.overviewCellWidth, overviewCellHeight: m.overviewCellHeight }),
    perAtlas: placement?.perAtlas ?? m.perAtlas,
    pixelated: m.pixelated,
    cells: encodeInts(placement?.cells ?? pick.map((i) => m.cells[i]!)),
    ids: encodeStrings(items.map((it) => it.id)),
    originalIds: encodeStrings(items.map((it) => it.originalId)),
    paths: encodeStrings(items.map((it) => it.file.path)),
    rights: encodeStrings(items.map((it) => it.rightsHolder)),
    categories,
    numbers: scoreNames.map((name) => ({ name, values: items.map((it) => it.scores[name] ?? 0) })),
    texts: withTexts && items.some((it) => it.texts.length) ? items.map((it) => it.texts.map((t) => [t.lang, t.kind, t.text] as [string, string, string])) : null,
    flagged: items.flatMap((it, i) => (isFlagged(it) ? [[i, it.flagReason ?? 'flagged by the dataset'] as [number, string]] : [])),
  };
}

/** A category field of a manifest item: "split" or a label task such as "digit". */
export function itemCategory(item: Pick<GalleryManifest['items'][number], 'split' | 'labels'>, field: string): string | undefined {
  return field === 'split' ? item.split : item.labels.find((l) => l.task === field)?.label;
}
