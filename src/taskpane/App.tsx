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
  Select,
  Tab,
  TabList,
  Subtitle1,
  makeStaticStyles,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Issue } from '../domain/issues';
import type { ExcelHost } from '../workbook/office/executePlan';
import { selectCell } from '../workbook/office/selectCell';
import { insertTemplatesInExcel, type ReportKind } from '../workbook/office/generateInExcel';
import { hasData, hasMembersList, hasMergerPlan, hasStaffList } from '../workbook/office/scanInExcel';
import { DEFAULT_SAMPLE_SIZE } from '../reports/partyQuarterly/figures';
import { defaultPeriodInput, MAX_SAMPLE_SIZE, MAX_SEED, periodOf, targetOf, wholeOf, type PeriodInput } from './formValues';
import { IssueList } from './IssueList';
import { PeriodPicker } from './PeriodPicker';
import { ResultSummary } from './ResultSummary';
import type { Strings } from './strings';
import { useGenerate, type RunState } from './useGenerate';
import { useWorkbook } from './useWorkbook';
import { OrgForm } from './OrgForm';
import { WorkbookScan } from './WorkbookScan';
import { withMapping } from '../workbook/settings';

type TabName = 'report' | 'data' | 'org';

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
  language: { marginLeft: 'auto' },
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
  /** The clock, for the report date and the default period (tests pass a fixed one). */
  now?: () => Date;
  /** Switches between Vietnamese and English; no switch is shown without it. */
  onSwitchLanguage?: () => void;
}

const clock = () => new Date();

/** The reports that can be chosen; the others are listed greyed ("sắp có"). */
const KINDS: readonly ReportKind[] = ['reduction', 'partyQuarterly', 'merger'];
const isKind = (value: string): value is ReportKind => (KINDS as readonly string[]).includes(value);

/**
 * The pane: the report (kind, period, its own parameters — the target of the reduction, the spot
 * check's size and seed of the party report —, generate with progress and cancel, result and issues), the
 * data as scanned on open (sheets, kinds, columns to correct, issues by sheet), and the organisation
 * details of the header and signature. Settings are saved in the workbook.
 */
export function App({ strings, theme, host, now = clock, onSwitchLanguage }: AppProps) {
  useGlobalStyles();
  const styles = useStyles();
  const [kind, setKind] = useState<ReportKind>('reduction');
  const [periodInput, setPeriodInput] = useState<PeriodInput>(() => defaultPeriodInput(now()));
  const [targetText, setTargetText] = useState('');
  const [sampleText, setSampleText] = useState(String(DEFAULT_SAMPLE_SIZE));
  const [seedText, setSeedText] = useState('');
  const [dateText, setDateText] = useState('');
  const [replace, setReplace] = useState(false);
  const [selectProblem, setSelectProblem] = useState<{ index: number; message: string }>();
  const { state, start, cancel } = useGenerate(host);
  const workbook = useWorkbook(host);
  const [tab, setTab] = useState<TabName>('report');
  const [dataProblem, setDataProblem] = useState<string>();
  const [templateNote, setTemplateNote] = useState<{ intent: 'success' | 'error'; text: string }>();
  const [inserting, setInserting] = useState(false);
  const settings = workbook.state.scan?.settings ?? {};
  const scan = workbook.state.scan;
  const emptyWorkbook = scan !== undefined && !hasData(scan);
  // The list the chosen report needs is missing: the reduction needs staff, the party report members.
  const missingList = scan !== undefined && (kind === 'reduction' ? !hasStaffList(scan) : kind === 'merger' ? !hasMergerPlan(scan) : !hasMembersList(scan));

  const checkedPeriod = periodOf(periodInput);
  const checkedTarget = targetOf(targetText);
  const checkedSample = wholeOf(sampleText, 0, MAX_SAMPLE_SIZE);
  const checkedSeed = wholeOf(seedText, 0, MAX_SEED);
  const running = state.status === 'running';
  const paramsValid = kind === 'reduction' ? !('invalid' in checkedTarget) : kind === 'partyQuarterly' ? !('invalid' in checkedSample) && !('invalid' in checkedSeed) : true;
  const ready = host !== undefined && !running && (kind === 'merger' || 'period' in checkedPeriod) && paramsValid;

  const generate = () => {
    if (!paramsValid) return;
    setSelectProblem(undefined);
    if (kind === 'merger') {
      // The structure's day, not a period: the plan's latest effective date when left empty.
      const today = now().toISOString().slice(0, 10);
      start(kind, { period: { from: today, to: today }, generatedAt: now().toISOString(), ...(dateText ? { date: dateText } : {}), ...(replace ? { replace: true } : {}) });
      return;
    }
    if (!('period' in checkedPeriod)) return;
    const common = { period: checkedPeriod.period, generatedAt: now().toISOString(), ...(replace ? { replace: true } : {}) };
    if (kind === 'reduction') {
      const target = 'target' in checkedTarget ? checkedTarget.target : undefined;
      start(kind, { ...common, ...(target !== undefined ? { target } : {}) });
    } else {
      const sampleSize = 'value' in checkedSample ? checkedSample.value : undefined;
      const seed = 'value' in checkedSeed ? checkedSeed.value : undefined;
      start(kind, { ...common, ...(sampleSize !== undefined ? { sampleSize } : {}), ...(seed !== undefined ? { seed } : {}) });
    }
  };

  const goTo = (issue: Issue, index: number) => {
    if (!host) return;
    setSelectProblem(undefined);
    selectCell(host, issue.sheet, issue.cell).catch(() => setSelectProblem({ index, message: strings.selectFailed(`${issue.sheet}!${issue.cell}`) }));
  };
  const insertTemplate = () => {
    if (!host) return;
    setInserting(true);
    setTemplateNote(undefined);
    insertTemplatesInExcel(host, kind)
      .then((r) => {
        const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
        const parts = [r.sheets.length ? strings.templatesInserted(quoted(r.sheets)) : '', r.kept.length ? strings.templatesKept(quoted(r.kept)) : ''];
        setTemplateNote({ intent: 'success', text: parts.filter(Boolean).join(' ') });
      })
      .catch((e: Error) => setTemplateNote({ intent: 'error', text: e.message }))
      .finally(() => setInserting(false));
  };
  const goToFromData = (issue: Issue) => {
    if (!host) return;
    setDataProblem(undefined);
    selectCell(host, issue.sheet, issue.cell).catch(() => setDataProblem(strings.selectFailed(`${issue.sheet}!${issue.cell}`)));
  };

  return (
    // Layout goes on an inner element: Fluent gives the provider's classes to the portal node of
    // every dropdown too, and a full-height portal node lay over the pane, swallowing every click.
    <FluentProvider theme={theme}>
      <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Image src="assets/icon-32.png" alt="" width={20} height={20} />
          <Caption1Strong>{strings.title}</Caption1Strong>
          {onSwitchLanguage && (
            <Button size="small" appearance="subtle" className={styles.language} onClick={onSwitchLanguage}>
              {strings.language}
            </Button>
          )}
        </div>
        <Subtitle1 as="h1" className={styles.title}>
          {strings.subtitles[kind]}
        </Subtitle1>
        <Caption1 className={styles.muted}>{strings.intro}</Caption1>
      </header>

      {!host && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.notInExcelTitle}</MessageBarTitle> {strings.notInExcel}
          </MessageBarBody>
        </MessageBar>
      )}

      {host && (
        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)} size="small">
          <Tab value="report">{strings.tabs.report}</Tab>
          <Tab value="data">{strings.tabs.data}</Tab>
          <Tab value="org">{strings.tabs.org}</Tab>
        </TabList>
      )}

      {tab === 'data' && (
        <WorkbookScan
          strings={strings}
          scan={workbook.state.scan}
          scanning={workbook.state.scanning}
          error={workbook.state.error ?? dataProblem}
          notice={workbook.state.saved === 'mapping' ? strings.mappingSaved : undefined}
          {...(workbook.state.watchNote ? { note: workbook.state.watchNote } : {})}
          onRescan={workbook.rescan}
          onChooseColumn={(sheet, field, column) => workbook.save({ ...settings, mappings: withMapping(settings.mappings ?? [], sheet, field, column) }, 'mapping')}
          onSelectIssue={goToFromData}
        />
      )}

      {tab === 'org' && <OrgForm strings={strings} org={settings.org} disabled={workbook.state.scanning} saved={workbook.state.saved === 'org'} onSave={(org) => workbook.save({ ...settings, org }, 'org')} />}

      {tab === 'report' && missingList && !workbook.state.scanning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{emptyWorkbook ? strings.emptyWorkbook : kind === 'reduction' ? strings.noStaffSheet : kind === 'merger' ? strings.noPlanSheet : strings.noMembersSheet}</MessageBarBody>
        </MessageBar>
      )}

      {tab === 'report' && (
      <div className={styles.form}>
        {/* The reports that exist can be chosen; the others are listed, greyed, so that officers know they are coming. */}
        <Field label={strings.reportKind}>
          <Select
            value={kind}
            disabled={running}
            onChange={(_, data) => {
              if (!isKind(data.value)) return;
              setKind(data.value);
              setTemplateNote(undefined);
            }}
          >
            <option value="reduction">{strings.reportKinds.reduction}</option>
            <option value="merger">{strings.reportKinds.merger}</option>
            <option value="partyQuarterly">{strings.reportKinds.partyQuarterly}</option>
          </Select>
        </Field>
        {kind === 'merger' ? (
          <Field label={strings.structureDate} hint={strings.structureDateHint}>
            <Input type="date" value={dateText} disabled={running} onChange={(_, data) => setDateText(data.value)} />
          </Field>
        ) : (
          <PeriodPicker strings={strings} value={periodInput} onChange={setPeriodInput} disabled={running} />
        )}
        {kind === 'merger' ? null : kind === 'reduction' ? (
          <Field
            label={strings.target}
            {...('invalid' in checkedTarget ? { validationState: 'error' as const, validationMessage: strings.targetInvalid } : { hint: strings.targetHint })}
          >
            <Input value={targetText} inputMode="decimal" disabled={running} onChange={(_, data) => setTargetText(data.value)} />
          </Field>
        ) : (
          <>
            <Field
              label={strings.sampleSize}
              {...('invalid' in checkedSample ? { validationState: 'error' as const, validationMessage: strings.sampleSizeInvalid } : { hint: strings.sampleSizeHint })}
            >
              <Input value={sampleText} inputMode="numeric" disabled={running} onChange={(_, data) => setSampleText(data.value)} />
            </Field>
            <Field
              label={strings.seed}
              {...('invalid' in checkedSeed ? { validationState: 'error' as const, validationMessage: strings.seedInvalid } : { hint: strings.seedHint })}
            >
              <Input value={seedText} inputMode="numeric" disabled={running} onChange={(_, data) => setSeedText(data.value)} />
            </Field>
          </>
        )}
        <Field hint={strings.replaceHint}>
          <Checkbox label={strings.replace} checked={replace} disabled={running} onChange={(_, data) => setReplace(data.checked === true)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!ready} onClick={generate}>
            {strings.generate}
          </Button>
          {running && (
            <Button disabled={state.cancelling} onClick={cancel}>
              {strings.cancel}
            </Button>
          )}
        </div>
        <RunStatus strings={strings} state={state} className={styles.progress} />
        <Field hint={strings.insertTemplateHint}>
          <Button disabled={!host || running || inserting} onClick={insertTemplate}>
            {strings.insertTemplate}
          </Button>
        </Field>
        {templateNote && (
          <MessageBar intent={templateNote.intent} layout="multiline">
            <MessageBarBody>{templateNote.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      )}

      {tab === 'report' && state.status === 'done' && (
        <>
          <Divider />
          <ResultSummary strings={strings} result={state.result} />
          {state.result.templateUsed && <Caption1>{strings.templateUsed(state.result.templates.map((n) => `"${n}"`).join(', '))}</Caption1>}
          <IssueList strings={strings} issues={state.result.issues} onSelect={goTo} {...(selectProblem ? { problem: selectProblem } : {})} />
        </>
      )}
      </div>
    </FluentProvider>
  );
}

/** Progress while running; after it, "cancelled" in plain words or the error. */
function RunStatus({ strings, state, className }: { strings: Strings; state: RunState; className: string }) {
  if (state.status === 'running') {
    // Reading and writing report their batches; computing is one step, and so is a step whose batches
    // are not counted yet, and the clean-up after a cancel: they spin.
    const value = !state.cancelling && state.step !== 'compute' && state.total > 0 ? state.done / state.total : undefined;
    return (
      <div className={className} role="status">
        <Field label={state.cancelling ? strings.cancelling : strings.steps[state.step]} hint={state.step === 'write' && !state.cancelling ? strings.cancelWriteHint : undefined}>
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
