// Astro's image service (astro.config.mjs `image.service`): Astro's sharp
// service, except that a dithered palette PNG asked for as `format="png"`
// is resized by dithering again at the target size (see dithered-png.ts).
// <CoverImage> asks for PNG only for such covers; every other image goes
// through sharp unchanged.
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { resizeDitheredPng } from './dithered-png.ts';

const service: LocalImageService = {
  ...sharpService,
  async transform(input, options, config, logger) {
    if (options.format === 'png') {
      const data = await resizeDitheredPng(Buffer.from(input), options.width);
      if (data) return { data, format: 'png' };
    }
    return sharpService.transform(input, options, config, logger);
  },
};

export default service;
