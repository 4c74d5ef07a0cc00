// Frontmatter of a see:set essay (`content/seeset/<slug>/index.md`): exactly
// our essay fields, plus widget declarations `grid-N`, `carousel-N`, `image-N`.
import { z } from 'zod';
import { essayFrontmatter } from '../essay-frontmatter.ts';
import { WIDGET_KEY, widgetSchemaFor, type WidgetDeclaration, type WidgetKind } from './widgets.ts';

export function seesetEssayFrontmatter<C extends z.ZodType>(cover: C) {
  const shape = essayFrontmatter(cover).shape;
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
