// One rendered essay body per essay file, shared by that essay's embed pages
// during a build (a heavy essay with many figures would otherwise render once
// per figure). Dev renders each request afresh: the cache is off there.
const cache = new Map<string, Promise<string>>();

export const embedBodyCache = {
  get: (file: string) => (import.meta.env.DEV ? undefined : cache.get(file)),
  set: (file: string, html: Promise<string>) => {
    if (!import.meta.env.DEV) cache.set(file, html);
  },
};
