// The components every essay can use without importing them: passed to each
// essay as <Content components={essayComponents} />. One line per component.
import ImageGrid from './grids/ImageGrid.astro';
import ImageTextPair from './grids/ImageTextPair.astro';
import Carousel from './grids/Carousel.astro';

export const essayComponents = {
  ImageGrid,
  ImageTextPair,
  Carousel,
};
