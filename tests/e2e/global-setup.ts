// Serves dist/ once for every browser test; the URL reaches tests via `inject`.
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { server, url } = await startServer({ root: 'dist' });
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
