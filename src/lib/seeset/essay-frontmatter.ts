// Frontmatter of a see:set essay (`content/seeset/<slug>/index.md`): exactly
// our essay fields, plus widget declarations `grid-N`, `carousel-N`, `image-N`.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { AuthorError } from '../author-error.ts';
import { essayFrontmatter } from '../essay-frontmatter.ts';
import { acceptPublished } from './published.ts';
import { WIDGET_KEY, widgetSchemaFor, type WidgetDeclaration, type WidgetKind } from './widgets.ts';

export const SEESET_EXCERPT_MAX = 1000;

export function seesetEssayFrontmatter<C extends z.ZodType>(cover: C) {
  const shape = {
    ...essayFrontmatter(cover).shape,
    // The series' excerpts run to ~450 characters (often the whole first
    // paragraph); cards clamp them and the essay page does not repeat them.
    excerpt: z.string({ error: 'excerpt is required and must be text' }).trim().min(1, 'excerpt must not be empty').max(SEESET_EXCERPT_MAX, `excerpt must be at most ${SEESET_EXCERPT_MAX} characters`),
  };
  const essayKeys = new Set(Object.keys(shape));
  const parseWidget = (key: string, value: unknown) => {
    const kind = WIDGET_KEY.exec(key)![1] as WidgetKind;
    return { kind, result: widgetSchemaFor(kind).safeParse(value) };
  };
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((data, ctx) => {
      for (const key of Object.keys(data)) {
        if (essayKeys.has(key)) continue;
        if (!WIDGET_KEY.test(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `unknown field ${key}: the allowed fields are ${[...essayKeys].join(', ')}, and widget declarations grid-N, carousel-N, image-N`,
          });
          continue;
        }
        const { result } = parseWidget(key, data[key]);
        if (!result.success) {
          for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: [key, ...issue.path.map(String)], message: `${key}: ${issue.message}` });
        }
      }
    })
    .transform((data) => {
      const widgets: Record<string, WidgetDeclaration> = {};
      for (const [key, value] of Object.entries(data)) {
        if (essayKeys.has(key)) continue;
        const { kind, result } = parseWidget(key, value);
        if (result.success) widgets[key] = { ...result.data, kind, key } as WidgetDeclaration;
      }
      const essay = Object.fromEntries(Object.entries(data).filter(([key]) => essayKeys.has(key)));
      return { ...(essay as z.output<z.ZodObject<typeof shape>>), widgets };
    });
}

const HINT = 'see "Bring a see:set site" in docs/authoring.md for the fields an essay may have';

/**
 * Parses an essay's frontmatter YAML as published (quoted numbers, one
 * authors string, mixed-case slug) into the raw data and the parsed fields.
 * Every problem is an AuthorError at the file and line of the field.
 */
export function parseSeesetFrontmatter(yaml: string, file: string, keyLines: ReadonlyMap<string, number>) {
  let parsed: unknown;
  try {
    parsed = parseYaml(yaml) ?? {};
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new AuthorError(`the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]})`, { file, line: line === undefined ? undefined : line + 1, hint: 'quote values that contain ": " or start with a special character' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AuthorError('the frontmatter must be "field: value" lines', { file, line: 2, hint: HINT });
  }
  const raw = acceptPublished(parsed as Record<string, unknown>);
  // An unknown key (a typo) is reported first: it usually explains a "missing" field.
  const allowed = Object.keys(essayFrontmatter(z.string()).shape);
  const unknown = Object.keys(raw).find((key) => !allowed.includes(key) && !WIDGET_KEY.test(key));
  if (unknown !== undefined) {
    throw new AuthorError(`unknown field ${unknown}: the allowed fields are ${allowed.join(', ')}, and widget declarations grid-N, carousel-N, image-N`, { file, line: keyLines.get(unknown), field: unknown, hint: HINT });
  }
  const result = seesetEssayFrontmatter(z.string()).safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join('.') || '(frontmatter)';
    throw new AuthorError(issue.message, { file, line: keyLines.get(String(issue.path[0] ?? '')) ?? 1, field, hint: HINT });
  }
  return { raw, data: result.data };
}
