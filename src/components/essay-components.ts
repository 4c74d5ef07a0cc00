// The author-facing components every essay can use without importing them:
// pages pass `import * as essayComponents` as <Content components={...} />.
// One re-export line per component; internal pieces stay out of this file.
export { default as Scrolly } from './scrolly/Scrolly.astro';
export { default as Step } from './scrolly/Step.astro';
export { default as Notes } from './present/Notes.astro';
export { default as Value } from './data/Value.astro';
export { default as Histogram } from './charts/Histogram.astro';
export { default as BarChart } from './charts/BarChart.astro';
export { default as DotRatio } from './charts/DotRatio.astro';
export { default as Waffle } from './charts/Waffle.astro';
export { default as ScaleTimeline } from './charts/ScaleTimeline.astro';
export { default as TaxonomyTree } from './charts/TaxonomyTree.astro';
export { default as LineageGraph } from './charts/LineageGraph.astro';
export { default as ImageGrid } from './grids/ImageGrid.astro';
export { default as ImageTextPair } from './grids/ImageTextPair.astro';
export { default as Carousel } from './grids/Carousel.astro';
export { default as DigitRows } from './grids/DigitRows.astro';
export { default as TextTable } from './tables/TextTable.astro';
