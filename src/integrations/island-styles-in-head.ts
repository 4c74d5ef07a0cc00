// Astro writes `<style>astro-island,...{display:contents}</style>` into <body>
// just before a page's first island (withastro/astro#10308), which the Nu HTML
// Checker rejects. After the build, move it into <head>: same bytes, so the
// CSP hash Astro computed for it still matches. Then the island runtime goes
// where islands are (src/lib/island-runtime.ts).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneIslandRuntime } from '../lib/island-runtime.ts';

export const ISLAND_STYLE_ELEMENT = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

/**
 * The page with the island style moved from <body> to the end of <head>, once
 * (pages that repeat rendered HTML, like slide decks, carry several copies);
 * unchanged if absent.
 */
export function moveIslandStylesToHead(html: string): string {
  const bodyStart = html.indexOf('<body');
  const headEnd = html.indexOf('</head>');
  if (bodyStart < 0 || headEnd < 0 || headEnd > bodyStart) return html;
  const body = html.slice(bodyStart);
  if (!body.includes(ISLAND_STYLE_ELEMENT)) return html;
  const head = html.slice(0, bodyStart);
  const style = head.includes(ISLAND_STYLE_ELEMENT) ? '' : ISLAND_STYLE_ELEMENT;
  return head.slice(0, headEnd) + style + head.slice(headEnd) + body.split(ISLAND_STYLE_ELEMENT).join('');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export default function islandStylesInHead(): AstroIntegration {
  return {
    name: 'island-styles-in-head',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const moved = pruneIslandRuntime(moveIslandStylesToHead(html));
          if (moved !== html) writeFileSync(file, moved);
        }
      },
    },
  };
}
