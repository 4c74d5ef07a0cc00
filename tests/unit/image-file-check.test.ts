// Issue 16, defect 7: a gigantic, corrupt or empty cover failed late with
// sharp's or Astro's message. Now each stops the checks before any image work,
// naming the essay, the line, the field and a fix. Also: image references
// that leave the essay's folder (defect 4's sibling for MDX essays).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { AuthorError } from '../../src/lib/author-error.ts';
import { assertEssayImagesUsable } from '../../src/lib/essay-images-check.ts';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG whose header claims width x height (synthetic: its pixel data is a stub). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(16))), chunk('IEND', Buffer.alloc(0))]);
}

const essay = (cover: string, body = '') => `---\ntitle: Synthetic\ncoverImg: ${cover}\n---\n\n${body}\n`;

describe('essay images are checked before image work', () => {
  let dir: string;
  let essayDir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'images-check-'));
    essayDir = join(dir, 'essays', 'synthetic');
    mkdirSync(essayDir, { recursive: true });
    await sharp({ create: { width: 40, height: 20, channels: 3, background: '#888' } }).png().toFile(join(essayDir, 'good.png'));
    writeFileSync(join(dir, 'outside.png'), await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer());
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function failure(mdx: string): Promise<AuthorError> {
    writeFileSync(join(essayDir, 'index.mdx'), mdx);
    try {
      await assertEssayImagesUsable(join(dir, 'essays'));
    } catch (error) {
      if (error instanceof AuthorError) return error;
      throw error;
    }
    throw new Error('the essay was accepted');
  }

  it('accepts a good cover and body image', async () => {
    writeFileSync(join(essayDir, 'index.mdx'), essay('./good.png', '![A grey box](./good.png)'));
    await expect(assertEssayImagesUsable(join(dir, 'essays'))).resolves.toBeUndefined();
  });

  it('refuses a cover over the pixel limit in milliseconds, with its size and a fix', async () => {
    writeFileSync(join(essayDir, 'huge.png'), pngHeader(20_000, 20_000));
    const started = Date.now();
    const error = await failure(essay('./huge.png'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ line: 3, field: 'coverImg' });
    expect(error.message).toMatch(/essays\/synthetic\/index\.mdx:3: coverImg: image "\.\/huge\.png" is 20000 x 20000 px \(400 MP\), over the 40 MP limit/);
    expect(error.hint).toMatch(/resize/);
  });

  it('refuses an empty cover and a corrupt one', async () => {
    writeFileSync(join(essayDir, 'empty.png'), '');
    expect((await failure(essay('./empty.png'))).message).toMatch(/coverImg: image "\.\/empty\.png" is an empty file/);
    writeFileSync(join(essayDir, 'corrupt.png'), 'this is not a PNG');
    const corrupt = await failure(essay('./corrupt.png'));
    expect(corrupt.message).toMatch(/coverImg: image "\.\/corrupt\.png" is not a readable image/);
    expect(corrupt.hint).toMatch(/export it again/);
  });

  it('refuses a truncated cover whose header still reads (only a decode finds it)', async () => {
    const whole = await sharp({ create: { width: 300, height: 200, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    writeFileSync(join(essayDir, 'truncated.png'), whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await sharp(join(essayDir, 'truncated.png')).metadata()).width).toBe(300);
    const error = await failure(essay('./truncated.png'));
    expect(error).toMatchObject({ line: 3, field: 'coverImg' });
    expect(error.message).toMatch(/coverImg: image "\.\/truncated\.png" is damaged: its pixels cannot be read/);
  });

  it('refuses a body image that is corrupt, at its line', async () => {
    writeFileSync(join(essayDir, 'bad.png'), 'garbage');
    expect(await failure(essay('./good.png', 'Text.\n\n![Broken](./bad.png)'))).toMatchObject({ line: 8, field: 'image' });
  });

  it('refuses images outside the essay folder, by path or by symlink', async () => {
    expect((await failure(essay('../../outside.png'))).message).toMatch(/coverImg: "\.\.\/\.\.\/outside\.png" climbs out/);
    symlinkSync(join(dir, 'outside.png'), join(essayDir, 'link.png'));
    expect((await failure(essay('./good.png', '![Linked](./link.png)'))).message).toMatch(/image: "\.\/link\.png" is a symlink to .*outside\.png, outside its folder/);
  });
});
