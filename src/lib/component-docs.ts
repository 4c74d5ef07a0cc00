// The shape of every author-facing component's docs (src/components/**/<Name>.docs.ts),
// rendered by the /components/ catalog so docs never drift from code.

export interface PropDoc {
  name: string;
  type: string;
  required: boolean;
  default?: string | undefined;
  description: string;
}

export interface ComponentDocs {
  name: string;
  summary: string;
  props: PropDoc[];
  /** An MDX snippet an author can paste into an essay. */
  example: string;
}
