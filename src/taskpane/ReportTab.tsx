import { Button, Caption1, Checkbox, Divider, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Issue } from '../domain/issues';
import { reports } from '../reports';
import type { ExcelHost } from '../workbook/office/host';
import { insertTemplatesInExcel } from '../workbook/office/generateInExcel';
import { hasData, hasSheets, type Scan } from '../workbook/office/scanInExcel';
import { selectCell } from '../workbook/office/selectCell';
import { defaultPeriodInput } from './formValues';
import { IssueList } from './IssueList';
import { Notice } from './Notice';
import { checkParams, initialTexts, ParamFields, type ParamInput } from './ParamFields';
import { ResultSummary } from './ResultSummary';
import { RunStatus } from './RunStatus';
import type { Strings } from './strings';
import { useGenerate } from './useGenerate';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The report tab's state, kept by the pane while another tab is shown: a run and its result outlive a look at the data. */
export function useReportTab(host: ExcelHost | undefined, now: () => Date) {
  const [kind, setKind] = useState(reports.menu()[0].id);
  const [input, setInput] = useState<ParamInput>(() => ({ period: defaultPeriodInput(now()), texts: Object.assign({}, ...reports.all().map((d) => initialTexts(d.params))) }));
  const [replace, setReplace] = useState(false);
  const [selectProblem, setSelectProblem] = useState<{ index: number; message: string }>();
  const [templateNote, setTemplateNote] = useState<{ intent: 'success' | 'error'; text: string }>();
  const [inserting, setInserting] = useState(false);
  const run = useGenerate(host);
  const definition = reports.get(kind) ?? reports.menu()[0];
  return { definition, setKind, input, setInput, replace, setReplace, selectProblem, setSelectProblem, templateNote, setTemplateNote, inserting, setInserting, run };
}

export interface ReportTabProps {
  strings: Strings;
  host?: ExcelHost;
  now: () => Date;
  tab: ReturnType<typeof useReportTab>;
  /** The workbook as scanned on open: the report's lists missing are said before it is made. */
  scan?: Scan;
  scanning: boolean;
}

/**
 * The report tab: the kind, its parameters (each kind's own, src/reports/<kind>/index.ts), generate
 * with progress and cancel, the result and its issues, and the templates to insert and edit.
 */
export function ReportTab({ strings, host, now, tab, scan, scanning }: ReportTabProps) {
  const styles = useStyles();
  const { definition, input, replace, selectProblem, setSelectProblem, templateNote, setTemplateNote, setInserting } = tab;
  const { state, start, cancel } = tab.run;
  const running = state.status === 'running';
  const values = checkParams(definition.params, input);
  const ready = host !== undefined && !running && values !== undefined;
  // The lists the chosen report needs are missing (staff for the reduction, members for the party report…).
  const missing = scan !== undefined && !scanning && !hasSheets(scan, definition.needs);

  const generate = () => {
    if (!values) return;
    setSelectProblem(undefined);
    start(definition.id, { ...values, generatedAt: now().toISOString(), ...(replace ? { replace: true } : {}) });
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
    insertTemplatesInExcel(host, definition.id)
      .then((r) => {
        const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
        const parts = [r.sheets.length ? strings.templatesInserted(quoted(r.sheets)) : '', r.kept.length ? strings.templatesKept(quoted(r.kept)) : ''];
        setTemplateNote({ intent: 'success', text: parts.filter(Boolean).join(' ') });
      })
      .catch((e: Error) => setTemplateNote({ intent: 'error', text: e.message }))
      .finally(() => setInserting(false));
  };

  return (
    <>
      {missing && (
        <Notice intent="warning">{!hasData(scan) ? strings.emptyWorkbook : definition.missing[strings.locale]}</Notice>
      )}
      <div className={styles.form}>
        <Field label={strings.reportKind}>
          <Select
            value={definition.id}
            disabled={running}
            onChange={(_, data) => {
              if (!reports.get(data.value)) return;
              tab.setKind(data.value);
              setTemplateNote(undefined);
            }}
          >
            {reports.menu().map((d) => (
              <option key={d.id} value={d.id}>
                {d.label[strings.locale]}
              </option>
            ))}
          </Select>
        </Field>
        <ParamFields strings={strings} specs={definition.params} input={input} onChange={tab.setInput} disabled={running} />
        <Field hint={strings.replaceHint}>
          <Checkbox label={strings.replace} checked={replace} disabled={running} onChange={(_, data) => tab.setReplace(data.checked === true)} />
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
          <Button disabled={!host || running || tab.inserting} onClick={insertTemplate}>
            {strings.insertTemplate}
          </Button>
        </Field>
        {templateNote && (
          <Notice intent={templateNote.intent}>{templateNote.text}</Notice>
        )}
      </div>
      {state.status === 'done' && (
        <>
          <Divider />
          <ResultSummary strings={strings} result={state.result} />
          {state.result.templateUsed && <Caption1>{strings.templateUsed(state.result.templates.map((n) => `"${n}"`).join(', '))}</Caption1>}
          <IssueList strings={strings} issues={state.result.issues} onSelect={goTo} {...(selectProblem ? { problem: selectProblem } : {})} />
        </>
      )}
    </>
  );
}
