// Catalog entry for <Value>.
import type { ComponentDocs } from '../../lib/component-docs.ts';
import { VALUE_FORMATS } from '../../lib/format-value.ts';

export const docs: ComponentDocs = {
  name: 'Value',
  summary: 'Prints one number from an aggregate inside a sentence, formatted, with its source on hover, so prose and charts always agree.',
  props: [
    { name: 'of', type: 'Aggregate<T>', required: true, description: "The aggregate, imported in the essay with `import x from '@data/<name>'`." },
    { name: 'at', type: 'string', required: true, description: 'Where the number is: keys joined by dots, a row picked by name with [field=value], e.g. "pairsAbove05" or "labels[label=drizzle].days". A wrong key stops the build at the essay\'s line and lists what exists.' },
    { name: 'path', type: 'string (a dotted path typed against T)', required: false, description: 'Older form of `at` that picks rows by position ("rows.2.viewingYears"); its meaning changes when the aggregate\'s order does, so prefer `at`.' },
    { name: 'format', type: VALUE_FORMATS.map((f) => `'${f}'`).join(' | '), required: false, default: "'number'", description: 'integer: 22,645; percent: 0.16 -> 16%; compact: 5.85 billion; years: 1,584; number: up to 2 decimals.' },
    { name: 'digits', type: 'number', required: false, description: 'Fraction digits, overriding the format default.' },
    { name: 'qualifier', type: 'boolean', required: false, default: 'true', description: 'Print the published qualifier ("about", "more than") before a published figure.' },
    { name: 'computed', type: 'boolean', required: false, default: 'false', description: 'Mark a number this site derived from published figures (a share, a ratio, a per-person average): printed with a dotted underline (data-computed), which the essay\'s content note explains.' },
  ],
  example: `import scale from '@data/dataset-scale';
import laion from '@data/laion-figures';

Looking at every LAION-5B pair for ten seconds would take
<Value of={scale} at="rows[dataset=LAION-5B].viewingYears" format="years" /> years; only
<Value of={laion} at="pairsAbove05" format="integer" /> pairs score above 0.5.`,
};
