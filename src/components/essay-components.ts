// The components every essay can use without imports: passed to MDX as
// `<Content components={essayComponents} />`. One line per component.
export { default as Histogram } from './charts/Histogram.astro';
export { default as BarChart } from './charts/BarChart.astro';
export { default as DotRatio } from './charts/DotRatio.astro';
export { default as Waffle } from './charts/Waffle.astro';
export { default as ScaleTimeline } from './charts/ScaleTimeline.astro';
export { default as TaxonomyTree } from './charts/TaxonomyTree.astro';
export { default as LineageGraph } from './charts/LineageGraph.astro';
