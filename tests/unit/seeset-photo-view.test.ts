// How the see:set photo widgets pick an item's image (src/lib/seeset/photo-view.ts):
// photo-grade copies when the pipeline wrote them, else the square thumbnail.
import { describe, expect, it } from 'vitest';
import { aspectView, photoAlt, squareView, stageRatio } from '../../src/lib/seeset/photo-view.ts';
import type { Photo, Thumbnail } from '../../src/lib/images/gallery.ts';

// Synthetic fixture: one item with photo copies (a 375x500 portrait), one with only a thumbnail.
const photo: Photo = { width: 375, height: 500, widths: [375], squares: [96, 192], base: '/g/photos/5100', formats: ['avif', 'webp'], placeholder: 'data:image/webp;base64,AA' };
const big: Photo = { ...photo, width: 3000, height: 2000, widths: [480, 960, 1600], base: '/g/photos/5104' };
const thumb: Thumbnail = { sizes: [64, 128, 256], base: '/g/thumbs/5101', formats: ['webp', 'png'], placeholder: 'data:image/webp;base64,AA' };
const m = { photos: { '5100': photo, '5104': big }, thumbnails: { '5100': thumb, '5101': thumb } };

describe('see:set photo view', () => {
  it('uses the aspect-kept copies, never an upscaled size, with their own height', () => {
    const v = aspectView(m, '5104', 700)!;
    expect(v).toMatchObject({ src: '/g/photos/5104-w960.webp', width: 960, height: 640, photo: true });
    expect(v.sources).toEqual([{ type: 'image/avif', srcset: '/g/photos/5104-w480.avif 480w, /g/photos/5104-w960.avif 960w, /g/photos/5104-w1600.avif 1600w' }]);
    expect(aspectView(m, '5100', 700)).toMatchObject({ src: '/g/photos/5100-w375.webp', width: 375, height: 500 });
  });
  it('falls back to the square thumbnail when the item has no photo copies', () => {
    const v = aspectView(m, '5101', 700)!;
    expect(v).toMatchObject({ src: '/g/thumbs/5101-256.png', width: 256, height: 256, photo: false });
    expect(v.srcset).toBe('/g/thumbs/5101-64.png 64w, /g/thumbs/5101-128.png 128w, /g/thumbs/5101-256.png 256w');
    expect(squareView(m, '5101', 64)).toMatchObject({ src: '/g/thumbs/5101-64.png', width: 64 });
    expect(aspectView(m, 'nope', 100)).toBeUndefined();
  });
  it('serves a tiny image (a 28 px digit) in the fallback format alone', () => {
    const digit: Photo = { ...photo, width: 28, height: 28, widths: [28], squares: [28], base: '/g/photos/2000' };
    const v = aspectView({ photos: { '2000': digit }, thumbnails: {} }, '2000', 700)!;
    expect(v).toMatchObject({ sources: [], src: '/g/photos/2000-w28.webp', srcset: '/g/photos/2000-w28.webp 28w', width: 28 });
    expect(squareView({ photos: { '2000': digit }, thumbnails: {} }, '2000', 64)!.sources).toEqual([]);
  });
  it('uses the square crops for navigation thumbnails', () => {
    expect(squareView(m, '5100', 80)).toMatchObject({ src: '/g/photos/5100-s96.webp', width: 96, height: 96, srcset: '/g/photos/5100-s96.webp 96w, /g/photos/5100-s192.webp 192w' });
    expect(squareView({ ...m, photos: { '5100': { ...photo, squares: [] } } }, '5100', 80)).toMatchObject({ src: '/g/thumbs/5101-128.png', photo: false });
  });
  it('sizes the stage to the tallest item, within 9:16 and 4:3', () => {
    expect(stageRatio([{ width: 3000, height: 2000 }, { width: 1024, height: 768 }])).toBeCloseTo(0.75);
    expect(stageRatio([{ width: 375, height: 500 }, { width: 100, height: 400 }])).toBeCloseTo(4 / 3);
    expect(stageRatio([{ width: 4000, height: 1000 }])).toBeCloseTo(9 / 16);
    expect(stageRatio([])).toBe(1);
  });
  it('keeps alt text short and falls back when the export has no text', () => {
    expect(photoAlt([{ text: '  ' }, { text: 'A warm field' }], 'x')).toBe('A warm field');
    expect(photoAlt([], 'Photo 2 of 8')).toBe('Photo 2 of 8');
    const alt = photoAlt([{ text: 'word '.repeat(100) }], 'x', 40);
    expect(alt.length).toBeLessThanOrEqual(41);
    expect(alt.endsWith('word…')).toBe(true);
  });
});
