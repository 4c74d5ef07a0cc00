// Speakers per language, estimated from CLDR's territory data (population x
// share of the population that speaks it, summed over territories).
import { z } from 'zod';
import { defineAggregate } from '../../src/lib/aggregate-definition.ts';
import { cldrInputs, firstLocale, languageName, speakersByLanguage } from './shared/cldr.ts';

export default defineAggregate({
  name: 'cldr-speakers',
  description: 'Estimated speakers of every language CLDR lists in a territory, with English names: the sum over territories of population x percent.',
  datasets: ['cldr-speakers'],
  inputs: cldrInputs,
  queries: {},
  schema: z.strictObject({
    /** Sum of the populations of all territories (people counted once). */
    worldPopulation: z.number().int().positive(),
    languages: z.array(z.strictObject({
      code: z.string(),
      name: z.string(),
      speakers: z.number().int().nonnegative(),
      territories: z.number().int().positive(),
      official: z.number().int().nonnegative(),
    })).min(100),
  }),
  transform: ({ files }) => {
    const languages = firstLocale(files.languageNames.main).localeDisplayNames.languages;
    const scripts = firstLocale(files.scriptNames.main).localeDisplayNames.scripts;
    return {
      worldPopulation: Object.values(files.territoryInfo.supplemental.territoryInfo).reduce((s, t) => s + Number(t._population), 0),
      languages: speakersByLanguage(files.territoryInfo).map((e) => ({ ...e, name: languageName(e.code, languages, scripts) })),
    };
  },
});
