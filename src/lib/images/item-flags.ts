// Whether a dataset item sits behind a content warning. Kept apart from the
// zod schemas in dataset-item.ts so browser code (the grid island) can use it
// without bundling zod, whose eval probe trips the Content-Security-Policy.

/** True when an item must be blurred until the reader chooses to see it. */
export function isFlagged(item: { flags: readonly string[] }): boolean {
  return item.flags.includes('content-warning');
}
