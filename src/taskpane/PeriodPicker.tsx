import { Caption1, Field, Input, Select, SpinButton, makeStyles, tokens } from '@fluentui/react-components';
import { periodCaption } from '../reports/paneText';
import { periodOf, type PeriodInput, type PeriodKind } from './formValues';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  full: { width: '100%', minWidth: 0 },
  line: { color: tokens.colorNeutralForeground2 },
});

const KINDS: readonly PeriodKind[] = ['year', 'quarter', 'half', 'custom'];

export interface PeriodPickerProps {
  strings: Strings;
  value: PeriodInput;
  onChange: (value: PeriodInput) => void;
  disabled?: boolean;
}

/** Kind of period, then the year and quarter / half, or two days. */
export function PeriodPicker({ strings, value, onChange, disabled }: PeriodPickerProps) {
  const styles = useStyles();
  const set = (patch: Partial<PeriodInput>) => onChange({ ...value, ...patch });
  const checked = periodOf(value);
  const problem = 'problem' in checked ? checked.problem : undefined;
  const error = (when: boolean, message: string) => (when ? { validationState: 'error' as const, validationMessage: message } : {});

  return (
    <div className={styles.root}>
      <Field label={strings.periodKind}>
        <Select value={value.kind} disabled={disabled} onChange={(_, data) => set({ kind: data.value as PeriodKind })}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {strings.kinds[kind]}
            </option>
          ))}
        </Select>
      </Field>

      {value.kind === 'custom' ? (
        <div className={styles.pair}>
          <Field label={strings.from} {...error(problem === 'from', strings.dayInvalid)}>
            <Input className={styles.full} type="date" value={value.from} disabled={disabled} onChange={(_, data) => set({ from: data.value })} />
          </Field>
          <Field label={strings.to} {...error(problem === 'to' || problem === 'order', problem === 'order' ? strings.dayOrder : strings.dayInvalid)}>
            <Input className={styles.full} type="date" value={value.to} disabled={disabled} onChange={(_, data) => set({ to: data.value })} />
          </Field>
        </div>
      ) : (
        <div className={styles.pair}>
          <Field label={strings.year} {...error(problem === 'year', strings.yearInvalid)}>
            <SpinButton
              className={styles.full}
              value={value.year}
              min={1000}
              max={9999}
              disabled={disabled}
              onChange={(_, data) => {
                if (data.value !== undefined) set({ year: data.value });
                else if (data.displayValue !== undefined) {
                  const year = Number(data.displayValue.trim());
                  set({ year: data.displayValue.trim() !== '' && Number.isInteger(year) ? year : null });
                }
              }}
            />
          </Field>
          {value.kind === 'quarter' && (
            <Field label={strings.quarter}>
              <Select value={String(value.quarter)} disabled={disabled} onChange={(_, data) => set({ quarter: Number(data.value) as PeriodInput['quarter'] })}>
                {strings.quarters.map((label, i) => (
                  <option key={label} value={i + 1}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {value.kind === 'half' && (
            <Field label={strings.half}>
              <Select value={String(value.half)} disabled={disabled} onChange={(_, data) => set({ half: Number(data.value) as PeriodInput['half'] })}>
                {strings.halves.map((label, i) => (
                  <option key={label} value={i + 1}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      )}

      {'period' in checked && (
        <Caption1 className={styles.line}>{periodCaption(checked.period, strings.locale)}</Caption1>
      )}
    </div>
  );
}
