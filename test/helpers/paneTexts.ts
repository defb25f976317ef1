import { benefits } from '../../src/reports/benefits';
import { WORDS as BENEFITS_WORDS } from '../../src/reports/benefits/summary';
import { merger } from '../../src/reports/merger';
import { WORDS as MERGER_WORDS } from '../../src/reports/merger/summary';
import { periodCaption } from '../../src/reports/paneText';
import { partyQuarterly } from '../../src/reports/partyQuarterly';
import { WORDS as PARTY_WORDS } from '../../src/reports/partyQuarterly/summary';
import { reduction } from '../../src/reports/reduction';
import { WORDS as REDUCTION_WORDS } from '../../src/reports/reduction/summary';
import type { ParamSpec, ReportDefinition } from '../../src/reports/registry';
import { stringsFor, type Locale } from '../../src/taskpane/strings';

/** A parameter's texts, looked up in its kind's definition. */
function param(definition: Pick<ReportDefinition, 'id' | 'params'>, name: string): Extract<ParamSpec, { label: unknown }> {
  const spec = definition.params.find((p) => p.name === name);
  if (!spec || spec.type === 'period') throw new Error(`no parameter ${name} in ${definition.id}`);
  return spec;
}

/**
 * Every text the pane shows, as the tests look them up (never copied): the pane's own strings and
 * those of the report kinds (src/reports/<kind>/), under the names the tests use.
 */
export function paneTexts(locale: Locale) {
  const [target, sample, seed, date] = [param(reduction, 'target'), param(partyQuarterly, 'sampleSize'), param(partyQuarterly, 'seed'), param(merger, 'date')];
  const [decisionDate, baseSalary] = [param(benefits, 'decisionDate'), param(benefits, 'baseSalary')];
  return {
    ...stringsFor(locale),
    ...REDUCTION_WORDS[locale],
    unknownYear: '?',
    party: PARTY_WORDS[locale],
    merger: { ...MERGER_WORDS[locale] },
    benefits: {
      ...BENEFITS_WORDS[locale], decisionDate: decisionDate.label[locale], baseSalary: baseSalary.label[locale],
      baseSalaryInvalid: 'invalid' in baseSalary ? baseSalary.invalid[locale] : '', noStaffSheet: benefits.missing[locale],
    },
    subtitles: { reduction: reduction.title[locale], partyQuarterly: partyQuarterly.title[locale], merger: merger.title[locale], benefits: benefits.title[locale] },
    reportKinds: { reduction: reduction.label[locale], partyQuarterly: partyQuarterly.label[locale], merger: merger.label[locale], benefits: benefits.label[locale] },
    target: target.label[locale], targetHint: target.hint[locale], targetInvalid: 'invalid' in target ? target.invalid[locale] : '',
    sampleSize: sample.label[locale], sampleSizeHint: sample.hint[locale], sampleSizeInvalid: 'invalid' in sample ? sample.invalid[locale] : '',
    seed: seed.label[locale], seedHint: seed.hint[locale], seedInvalid: 'invalid' in seed ? seed.invalid[locale] : '',
    structureDate: date.label[locale], structureDateHint: date.hint[locale],
    noPlanSheet: merger.missing[locale], noMembersSheet: partyQuarterly.missing[locale],
    periodLine: (from: string, to: string) => periodCaption({ from: isoOf(from), to: isoOf(to) }, locale),
  };
}

/** "31/03/2021" → "2021-03-31" (periodLine is given days as the pane writes them). */
const isoOf = (day: string) => `${day.slice(6, 10)}-${day.slice(3, 5)}-${day.slice(0, 2)}`;
