import { Field, Input } from '@fluentui/react-components';
import type { ParamSpec } from '../reports/registry';
import type { ReportValues } from '../workbook/office/generateInExcel';
import { periodOf, targetOf, wholeOf, type PeriodInput } from './formValues';
import { PeriodPicker } from './PeriodPicker';
import type { Strings } from './strings';

/** What the report's fields hold, as typed: the period picker's input and each other field's text, by parameter name. */
export interface ParamInput {
  period: PeriodInput;
  texts: Record<string, string>;
}

/** The texts the fields start with: a whole number's `initial`, else empty. */
export function initialTexts(specs: readonly ParamSpec[]): Record<string, string> {
  return Object.fromEntries(specs.flatMap((s) => (s.type === 'whole' && s.initial !== undefined ? [[s.name, String(s.initial)]] : [])));
}

type Checked = { value: ReportValues[string] } | { invalid: true };

/** One parameter as typed, checked by its type: the pane's percent for a rate, [min, max] for a whole number. */
function check(spec: ParamSpec, input: ParamInput): Checked {
  const text = spec.type === 'period' ? '' : (input.texts[spec.name] ?? '');
  switch (spec.type) {
    case 'period': {
      const p = periodOf(input.period);
      return 'period' in p ? { value: p.period } : { invalid: true };
    }
    case 'day':
      return { value: text || undefined };
    case 'rate': {
      const r = targetOf(text);
      return 'target' in r ? { value: r.target } : r;
    }
    case 'whole':
      return wholeOf(text, spec.min, spec.max);
  }
}

/** The values to make the report with, or undefined while a field holds something invalid. */
export function checkParams(specs: readonly ParamSpec[], input: ParamInput): ReportValues | undefined {
  const values: ReportValues = {};
  for (const spec of specs) {
    const checked = check(spec, input);
    if ('invalid' in checked) return undefined;
    if (checked.value !== undefined) values[spec.name] = checked.value;
  }
  return values;
}

export interface ParamFieldsProps {
  strings: Strings;
  specs: readonly ParamSpec[];
  input: ParamInput;
  onChange: (input: ParamInput) => void;
  disabled: boolean;
}

/** A field for each parameter of the chosen report, in its order. */
export function ParamFields({ strings, specs, input, onChange, disabled }: ParamFieldsProps) {
  const setText = (name: string, text: string) => onChange({ ...input, texts: { ...input.texts, [name]: text } });
  return (
    <>
      {specs.map((spec) => {
        if (spec.type === 'period') return <PeriodPicker key={spec.name} strings={strings} value={input.period} onChange={(period) => onChange({ ...input, period })} disabled={disabled} />;
        const text = input.texts[spec.name] ?? '';
        const label = spec.label[strings.locale];
        if (spec.type === 'day') {
          return (
            <Field key={spec.name} label={label} hint={spec.hint[strings.locale]}>
              <Input type="date" value={text} disabled={disabled} onChange={(_, data) => setText(spec.name, data.value)} />
            </Field>
          );
        }
        const invalid = 'invalid' in check(spec, input);
        return (
          <Field key={spec.name} label={label} {...(invalid ? { validationState: 'error' as const, validationMessage: spec.invalid[strings.locale] } : { hint: spec.hint[strings.locale] })}>
            <Input value={text} inputMode={spec.type === 'rate' ? 'decimal' : 'numeric'} disabled={disabled} onChange={(_, data) => setText(spec.name, data.value)} />
          </Field>
        );
      })}
    </>
  );
}
