import {
  Body1,
  Button,
  Caption1,
  Caption1Strong,
  Checkbox,
  Divider,
  Field,
  FluentProvider,
  Image,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Title3,
  makeStaticStyles,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Issue } from '../domain/issues';
import type { ExcelHost } from '../workbook/office/executePlan';
import { selectCell } from '../workbook/office/selectCell';
import { defaultPeriodInput, periodOf, targetOf, type PeriodInput } from './formValues';
import { IssueList } from './IssueList';
import { PeriodPicker } from './PeriodPicker';
import { ResultSummary } from './ResultSummary';
import type { Strings } from './strings';
import { useGenerate, type RunState } from './useGenerate';

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface AppProps {
  strings: Strings;
  theme: Theme;
  /** Excel, or undefined outside Office: then nothing can be generated and the pane says why. */
  host?: ExcelHost;
  /** The clock, for the report date and the default year (tests pass a fixed one). */
  now?: () => Date;
}

const clock = () => new Date();

/** The reduction report screen: period, target, generate with progress and cancel, result and issues. */
export function App({ strings, theme, host, now = clock }: AppProps) {
  useGlobalStyles();
  const styles = useStyles();
  const [periodInput, setPeriodInput] = useState<PeriodInput>(() => defaultPeriodInput(now()));
  const [targetText, setTargetText] = useState('');
  const [replace, setReplace] = useState(false);
  const [selectProblem, setSelectProblem] = useState<{ index: number; message: string }>();
  const { state, start, cancel } = useGenerate(host);

  const checkedPeriod = periodOf(periodInput);
  const checkedTarget = targetOf(targetText);
  const running = state.status === 'running';
  const ready = host !== undefined && !running && 'period' in checkedPeriod && !('invalid' in checkedTarget);

  const generate = () => {
    if (!('period' in checkedPeriod) || 'invalid' in checkedTarget) return;
    setSelectProblem(undefined);
    const { target } = checkedTarget;
    start({ period: checkedPeriod.period, generatedAt: now().toISOString(), ...(target !== undefined ? { target } : {}), ...(replace ? { replace: true } : {}) });
  };

  const goTo = (issue: Issue, index: number) => {
    if (!host) return;
    setSelectProblem(undefined);
    selectCell(host, issue.sheet, issue.cell).catch(() => setSelectProblem({ index, message: strings.selectFailed(`${issue.sheet}!${issue.cell}`) }));
  };

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Image src="assets/icon-32.png" alt="" width={20} height={20} />
          <Caption1Strong>{strings.title}</Caption1Strong>
        </div>
        <Title3 as="h1" className={styles.title}>
          {strings.subtitle}
        </Title3>
        <Caption1 className={styles.muted}>{strings.intro}</Caption1>
      </header>

      {!host && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.notInExcelTitle}</MessageBarTitle> {strings.notInExcel}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.form}>
        <PeriodPicker strings={strings} value={periodInput} onChange={setPeriodInput} disabled={running} />
        <Field
          label={strings.target}
          {...('invalid' in checkedTarget ? { validationState: 'error' as const, validationMessage: strings.targetInvalid } : { hint: strings.targetHint })}
        >
          <Input value={targetText} inputMode="decimal" disabled={running} onChange={(_, data) => setTargetText(data.value)} />
        </Field>
        <Field hint={strings.replaceHint}>
          <Checkbox label={strings.replace} checked={replace} disabled={running} onChange={(_, data) => setReplace(data.checked === true)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!ready} onClick={generate}>
            {strings.generate}
          </Button>
          {running && (
            <Button disabled={state.step === 'write'} onClick={cancel}>
              {strings.cancel}
            </Button>
          )}
        </div>
        <RunStatus strings={strings} state={state} className={styles.progress} />
      </div>

      {state.status === 'done' && (
        <>
          <Divider />
          <ResultSummary strings={strings} result={state.result} />
          <IssueList strings={strings} issues={state.result.issues} onSelect={goTo} {...(selectProblem ? { problem: selectProblem } : {})} />
        </>
      )}
    </FluentProvider>
  );
}

/** Progress while running; after it, "cancelled" in plain words or the error. */
function RunStatus({ strings, state, className }: { strings: Strings; state: RunState; className: string }) {
  if (state.status === 'running') {
    // Reading reports its batches; computing and writing are single steps, so they spin.
    const value = state.step === 'read' && state.total > 0 ? state.done / state.total : undefined;
    return (
      <div className={className} role="status">
        <Field label={strings.steps[state.step]} hint={state.step === 'write' ? strings.cannotCancelWrite : undefined}>
          <ProgressBar {...(value !== undefined ? { value } : {})} />
        </Field>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <Body1 role="status" className={className}>
        {strings.cancelled}
      </Body1>
    );
  }
  if (state.status === 'failed') {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{strings.errorTitle}</MessageBarTitle> {state.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
