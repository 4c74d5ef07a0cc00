// The post-build fix that moves Astro's island <style> out of <body>.
import { describe, expect, it } from 'vitest';
import { ISLAND_STYLE_ELEMENT, moveIslandStylesToHead } from '../../src/integrations/island-styles-in-head.ts';

describe('moveIslandStylesToHead', () => {
  it('moves the style from the body to the end of the head, keeping its bytes', () => {
    const html = `<html><head><title>t</title></head><body><p>a</p>${ISLAND_STYLE_ELEMENT}<script>x</script></body></html>`;
    expect(moveIslandStylesToHead(html)).toBe(`<html><head><title>t</title>${ISLAND_STYLE_ELEMENT}</head><body><p>a</p><script>x</script></body></html>`);
  });
  it('leaves pages without islands, or with the style already in the head, unchanged', () => {
    const plain = '<html><head></head><body><p>a</p></body></html>';
    expect(moveIslandStylesToHead(plain)).toBe(plain);
    const done = `<html><head>${ISLAND_STYLE_ELEMENT}</head><body></body></html>`;
    expect(moveIslandStylesToHead(done)).toBe(done);
  });
  it('keeps one copy when the body repeats it (slide decks)', () => {
    const html = `<html><head></head><body>${ISLAND_STYLE_ELEMENT}<p>1</p>${ISLAND_STYLE_ELEMENT}<p>2</p></body></html>`;
    expect(moveIslandStylesToHead(html)).toBe(`<html><head>${ISLAND_STYLE_ELEMENT}</head><body><p>1</p><p>2</p></body></html>`);
  });
});
