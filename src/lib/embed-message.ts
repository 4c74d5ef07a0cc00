// The message an /embed/ page posts to its host page with its content height
// (src/components/embed/embed-resize.ts); the copied embed code listens for it.
export const EMBED_HEIGHT_MESSAGE = 'dataset-essays:embed-height';
