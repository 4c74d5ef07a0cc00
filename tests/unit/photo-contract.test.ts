// The photo-grade contract between the image pipeline and the see:set photo
// widgets (src/lib/images/gallery.ts): URLs and srcsets built from a photo entry.
import { describe, expect, it } from 'vitest';
import { galleryManifestSchema, photoHeight, photoSchema, photoSrcset, photoUrl, type Photo } from '../../src/lib/images/gallery.ts';

// Synthetic fixture: a 3000x2000 photo entry as the pipeline would write it.
const photo: Photo = photoSchema.parse({
  width: 3000, height: 2000, widths: [480, 960, 1600], squares: [160, 320], base: '/generated/images/x/photos/7', formats: ['avif', 'webp'],
  placeholder: 'data:image/webp;base64,AAAA',
});

describe('photo contract', () => {
  it('lists aspect widths and square crops as srcsets', () => {
    expect(photoSrcset(photo, 'avif')).toBe('/generated/images/x/photos/7-w480.avif 480w, /generated/images/x/photos/7-w960.avif 960w, /generated/images/x/photos/7-w1600.avif 1600w');
    expect(photoSrcset(photo, 'webp', 'square')).toBe('/generated/images/x/photos/7-s160.webp 160w, /generated/images/x/photos/7-s320.webp 320w');
  });
  it('picks the smallest copy at least as wide as asked, in the fallback format', () => {
    expect(photoUrl(photo, 700)).toBe('/generated/images/x/photos/7-w960.webp');
    expect(photoUrl(photo, 5000)).toBe('/generated/images/x/photos/7-w1600.webp');
    expect(photoUrl(photo, 100, 'square', 'avif')).toBe('/generated/images/x/photos/7-s160.avif');
    expect(() => photoUrl({ ...photo, squares: [] }, 100, 'square')).toThrow(/no square copies/);
  });
  it('keeps the aspect in heights', () => {
    expect(photoHeight(photo, 960)).toBe(640);
    expect(photoHeight({ ...photo, width: 375, height: 500 }, 480)).toBe(640);
  });
  it('rejects an entry without widths or with an unknown format', () => {
    expect(photoSchema.safeParse({ ...photo, widths: [] }).success).toBe(false);
    expect(photoSchema.safeParse({ ...photo, formats: ['gif'] }).success).toBe(false);
  });
  it('older manifests without photos still parse (photos default to none)', () => {
    const shape = galleryManifestSchema.shape.photos;
    expect(shape.parse(undefined)).toEqual({});
  });
});
