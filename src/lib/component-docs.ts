// The shape of a component's catalog entry: every author-facing component has
// a sibling `<Name>.docs.ts` exporting `docs: ComponentDocs`, which the
// `/components/` catalog renders, so the docs live next to the code.

export interface ComponentPropDoc {
  name: string;
  /** The TypeScript type, as an author would read it. */
  type: string;
  required: boolean;
  /** The default value, as source text; omitted when required. */
  default?: string | undefined;
  description: string;
}

export interface ComponentDocs {
  name: string;
  summary: string;
  props: ComponentPropDoc[];
  /** A copy-paste MDX example. */
  example: string;
}

/** Older name of ComponentPropDoc, kept for docs written against it. */
export type PropDoc = ComponentPropDoc;
