// /og/<slug>.png: the essay's share card, made at build time with sharp from
// its cover (cropped to 1200x630) and its title and byline drawn as SVG text.
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { essayStaticPaths, type Essay } from '../../lib/essays.ts';
import { byline } from '../../lib/essay-frontmatter.ts';
import { SHARE_CARD, shareCardSvg } from '../../lib/share-card.ts';
import { SITE_NAME } from '../../lib/site.ts';
import { coverFile } from '../../lib/cover-file.ts';

export const getStaticPaths = essayStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ essay: Essay }> = async ({ props: { essay } }) => {
  const { data } = essay;
  const overlay = Buffer.from(shareCardSvg({ title: data.title, byline: byline(data.preposition, data.authors), site: SITE_NAME }));
  const png = await sharp(coverFile(essay))
    .resize(SHARE_CARD.width, SHARE_CARD.height, { fit: 'cover', kernel: 'nearest' })
    .flatten({ background: '#fbfaf7' })
    .composite([{ input: overlay }])
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
