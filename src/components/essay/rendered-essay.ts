// The HTML of an essay's body, rendered once per build with Astro's container
// API, so pages that re-use an essay's figures (embeds, print) read them from
// the essay itself rather than from a list that could drift.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer as svelteRenderer } from '@astrojs/svelte/container-renderer';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { essayFile, type Essay } from '../../lib/essays.ts';
import { findFigures, type EssayFigure } from '../../lib/essay-figures.ts';
import EssayBody from './EssayBody.astro';

let container: Promise<AstroContainer> | undefined;
const cache = new Map<string, Promise<string>>();

async function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([svelteRenderer(), mdxRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/** The rendered body of an essay (what `<Content />` outputs), cached per slug. */
export function renderedEssayHtml(essay: Essay): Promise<string> {
  let html = cache.get(essay.id);
  if (!html) {
    html = (async () => {
      return (await getContainer()).renderToString(EssayBody, { props: { essay }, params: { slug: essay.data.slug } });
    })();
    cache.set(essay.id, html);
  }
  return html;
}

/** The figures of an essay that get an embed page, found in its rendered HTML. */
export async function essayFigures(essay: Essay): Promise<EssayFigure[]> {
  return findFigures(await renderedEssayHtml(essay), essayFile(essay));
}
