// The author-facing components every essay can use without importing them:
// pages pass `import * as essayComponents` as <Content components={...} />.
// One re-export line per component; internal pieces stay out of this file.
export { default as Scrolly } from './scrolly/Scrolly.astro';
export { default as Step } from './scrolly/Step.astro';
export { default as Notes } from './present/Notes.astro';
export { default as DigitRows } from './grids/DigitRows.astro';
export { default as TextTable } from './tables/TextTable.astro';
