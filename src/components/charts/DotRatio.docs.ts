import type { ComponentDocs } from '../../lib/component-docs.ts';
import { baseChartProps, highlightProps, rowProps } from './chart-docs-common.ts';

export const docs: ComponentDocs = {
  name: 'DotRatio',
  summary: 'One ratio per category on a log scale, with a dashed reference line at 1 and each ratio written in words ("1 per 35 speakers").',
  props: [
    ...baseChartProps,
    ...rowProps,
    { name: 'per', type: 'string', required: true, description: 'The unit of the denominator, singular ("speaker").' },
    { name: 'xLabel', type: 'string', required: true, description: 'What the ratio is ("Captions per speaker").' },
    { name: 'keepOrder', type: 'boolean', required: false, default: 'false', description: 'Keep the data order instead of ranking by value.' },
    ...highlightProps,
  ],
  example: `import perSpeaker from '@data/laion-captions-per-speaker';

<DotRatio
  id="per-speaker-example"
  title="LAION-5B captions per speaker, by language (published figures)"
  data={perSpeaker}
  select={(d) => d.languages}
  label="name"
  value="captionsPerSpeaker"
  per="speaker"
  xLabel="Captions per speaker"
  highlight={['Swahili']}
/>`,
};
