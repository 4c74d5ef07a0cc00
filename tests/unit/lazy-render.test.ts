// Height bounds of lazily rendered figures (the rendered-height check against
// Chromium is tests/e2e/lazy-render.test.ts).
import { describe, expect, it } from 'vitest';
import { lazyRenderStyle, NARROWEST_FIGURE_PX, textHeightBound } from '../../src/lib/lazy-render.ts';
import { digitRowsHeightBound } from '../../src/lib/images/digit-rows.ts';

const digit = (caption?: string) => ({ width: 28, height: 28, caption });
const text = { title: 'The least typical digit of each class', captions: ['MNIST, 70,000 images'], rowLabels: ['0', '1'] };

describe('lazy-render height bounds', () => {
  it('text: no text takes no room; longer text or a narrower column never takes less', () => {
    expect(textHeightBound('  ', 16, 300)).toBe(0);
    const short = textHeightBound('A short caption', 16, 300);
    expect(short).toBeGreaterThanOrEqual(16 * 1.6);
    expect(textHeightBound('A short caption '.repeat(20), 16, 300)).toBeGreaterThan(short);
    expect(textHeightBound('A short caption '.repeat(20), 16, 150)).toBeGreaterThan(textHeightBound('A short caption '.repeat(20), 16, 300));
  });

  it('digit rows: a row wraps its images to the narrowest figure; more images or captions need more room', () => {
    const four = digitRowsHeightBound([[digit(), digit(), digit(), digit()]], 2, text);
    const forty = digitRowsHeightBound([Array.from({ length: 40 }, () => digit())], 2, text);
    // 40 images of 56 px cannot fit in fewer than ceil(40 / (width / 56)) lines.
    expect(forty - four).toBeGreaterThanOrEqual((Math.ceil(40 / Math.floor(NARROWEST_FIGURE_PX / 56)) - 1) * 56);
    expect(digitRowsHeightBound([[digit('0.93'), digit('0.91')]], 2, text)).toBeGreaterThan(digitRowsHeightBound([[digit(), digit()]], 2, text));
    expect(digitRowsHeightBound([[digit()], [digit()]], 2, text)).toBeGreaterThan(digitRowsHeightBound([[digit()]], 2, text));
  });

  it('the style attribute carries a whole-pixel bound, and refuses a bound of nothing', () => {
    expect(lazyRenderStyle(412.2)).toBe('contain-intrinsic-size: auto 413px');
    expect(() => lazyRenderStyle(0)).toThrow(/positive height bound/);
    expect(() => lazyRenderStyle(NaN)).toThrow(/positive height bound/);
  });
});
