// CLDR inputs and the speakers-per-language estimate shared by the
// cldr-speakers and laion-captions-per-speaker aggregates.
import { z } from 'zod';
import type { InputSpec } from '../../../src/lib/aggregate-definition.ts';

const territory = z.looseObject({
  _population: z.string().regex(/^\d+$/),
  languagePopulation: z.record(z.string(), z.looseObject({ _populationPercent: z.string(), _officialStatus: z.string().optional() })).optional(),
});
export const territoryInfoSchema = z.looseObject({ supplemental: z.looseObject({ territoryInfo: z.record(z.string(), territory) }) });
export type TerritoryInfo = z.infer<typeof territoryInfoSchema>;

const names = z.record(z.string(), z.string());
export const languageNamesSchema = z.looseObject({ main: z.record(z.string(), z.looseObject({ localeDisplayNames: z.looseObject({ languages: names }) })) });
export const scriptNamesSchema = z.looseObject({ main: z.record(z.string(), z.looseObject({ localeDisplayNames: z.looseObject({ scripts: names }) })) });

export const cldrInputs = {
  territoryInfo: { kind: 'json', from: { package: 'cldr-core', path: 'supplemental/territoryInfo.json' }, schema: territoryInfoSchema },
  languageNames: { kind: 'json', from: { package: 'cldr-localenames-full', path: 'main/en/languages.json' }, schema: languageNamesSchema },
  scriptNames: { kind: 'json', from: { package: 'cldr-localenames-full', path: 'main/en/scripts.json' }, schema: scriptNamesSchema },
} as const satisfies Record<string, InputSpec>;

export interface SpeakerEstimate {
  /** CLDR language code, possibly with a script: "pa_Arab". */
  code: string;
  /** Sum over territories of population x percent / 100, rounded. */
  speakers: number;
  /** Territories where CLDR lists the language. */
  territories: number;
  /** Territories where it has an official status of any kind. */
  official: number;
}

/**
 * Speakers per language estimated from CLDR: the sum over territories of the
 * territory's population times the language's population percentage. It
 * double-counts multilingual people across languages, not within one.
 */
export function speakersByLanguage(info: TerritoryInfo): SpeakerEstimate[] {
  const acc = new Map<string, SpeakerEstimate>();
  for (const [region, t] of Object.entries(info.supplemental.territoryInfo)) {
    const population = Number(t._population);
    for (const [code, lp] of Object.entries(t.languagePopulation ?? {})) {
      const percent = Number(lp._populationPercent);
      if (!Number.isFinite(percent)) throw new Error(`territoryInfo ${region}/${code}: _populationPercent "${lp._populationPercent}" is not a number`);
      const e = acc.get(code) ?? { code, speakers: 0, territories: 0, official: 0 };
      e.speakers += (population * percent) / 100;
      e.territories += 1;
      if (lp._officialStatus) e.official += 1;
      acc.set(code, e);
    }
  }
  return [...acc.values()]
    .map((e) => ({ ...e, speakers: Math.round(e.speakers) }))
    .sort((a, b) => b.speakers - a.speakers || a.code.localeCompare(b.code));
}

/** English display name of a CLDR code; "pa_Arab" -> "Punjabi (Arabic)". */
export function languageName(code: string, languages: Record<string, string>, scripts: Record<string, string>): string {
  const direct = languages[code];
  if (direct) return direct;
  const [base, script] = code.split('_');
  const baseName = languages[base!] ?? code;
  return script ? `${baseName} (${scripts[script] ?? script})` : baseName;
}

export const firstLocale = <T>(main: Record<string, T>): T => {
  const v = Object.values(main)[0];
  if (!v) throw new Error('CLDR names file has no locale');
  return v;
};
