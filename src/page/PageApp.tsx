import {
  Body1, Button, Caption1, Caption1Strong, Divider, Field, FluentProvider, Image, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Subtitle1, Tab, TabList,
  makeStaticStyles, makeStyles, mergeClasses, tokens, type Theme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { reports } from '../reports';
import type { OrgDetails } from '../templates/layout';
import { withMapping } from '../workbook/hiddenSheet';
import { defaultPeriodInput } from '../taskpane/formValues';
import { IssueList } from '../taskpane/IssueList';
import { OrgForm } from '../taskpane/OrgForm';
import { checkParams, initialTexts, ParamFields, type ParamInput } from '../taskpane/ParamFields';
import { ResultSummary } from '../taskpane/ResultSummary';
import type { Strings } from '../taskpane/strings';
import { isDarkColor } from '../taskpane/theme';
import { WorkbookScan } from '../taskpane/WorkbookScan';
import { booksOf, fileAndSheet, makeReport, readPageFile, scanOf, type PageFile, type PageMappings } from './pageRun';
import type { PageStrings } from './pageStrings';

type TabName = 'report' | 'data' | 'org';

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  // The whole window takes the theme's background (dark too), the content a readable width.
  window: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  dark: { colorScheme: 'dark' },
  light: { colorScheme: 'light' },
  root: {
    boxSizing: 'border-box', maxWidth: '960px', margin: '0 auto',
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  language: { marginLeft: 'auto' },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  drop: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hiddenInput: { display: 'none' },
});

export interface PageAppProps {
  strings: Strings;
  page: PageStrings;
  theme: Theme;
  now?: () => Date;
  onSwitchLanguage?: () => void;
  /** The organisation details remembered in this browser, and where to remember new ones. */
  savedOrg?: OrgDetails;
  onSaveOrg?: (org: OrgDetails) => void;
  /** False while the browser has no network: the page says it works offline. */
  online?: boolean;
}

const clock = () => new Date();

type Made = Awaited<ReturnType<typeof makeReport>> & { url: string };

/**
 * The standalone page: the officer's files read in the browser (nothing is sent anywhere), the data
 * as the pane's Data tab shows it (columns to choose), the organisation details kept in the browser,
 * and the report made by the CLI's code, to download. The pane's components, strings and report
 * kinds are shared; Excel is not needed.
 */
export function PageApp({ strings, page, theme, now = clock, onSwitchLanguage, savedOrg, onSaveOrg, online = true }: PageAppProps) {
  useGlobalStyles();
  const styles = useStyles();
  const [tab, setTab] = useState<TabName>('report');
  const [files, setFiles] = useState<PageFile[]>([]);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [mappings, setMappings] = useState<PageMappings>({});
  const [org, setOrg] = useState<OrgDetails | undefined>(savedOrg);
  const [orgSaved, setOrgSaved] = useState(false);
  const [kind, setKind] = useState(reports.menu()[0].id);
  const [input, setInput] = useState<ParamInput>(() => ({ period: defaultPeriodInput(now()), texts: Object.assign({}, ...reports.all().map((d) => initialTexts(d.params))) }));
  const [made, setMade] = useState<Made>();
  const [making, setMaking] = useState(false);
  const [failure, setFailure] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  const books = useMemo(() => booksOf(files, mappings), [files, mappings]);
  const scan = useMemo(() => (books.length ? scanOf(books, files) : undefined), [books, files]);
  const definition = reports.get(kind) ?? reports.menu()[0];
  const values = checkParams(definition.params, input);
  const ready = books.length > 0 && !making && !reading && values !== undefined;

  // A new download replaces the last one's link; the object URL is released with it.
  useEffect(() => () => {
    if (made) URL.revokeObjectURL(made.url);
  }, [made]);

  const addFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setReading(true);
    setMade(undefined);
    const read = await Promise.all([...list].map(async (f) => readPageFile(f.name, new Uint8Array(await f.arrayBuffer()))));
    setFiles((current) => [...current.filter((c) => !read.some((r) => r.name === c.name)), ...read]);
    setReading(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles(e.dataTransfer.files);
  };

  const generate = () => {
    if (!values) return;
    setMaking(true);
    setFailure(undefined);
    const orgInUse = org ?? scan?.settings.org;
    makeReport(definition.id, books, { ...values, generatedAt: now().toISOString() }, orgInUse)
      .then((r) => setMade({ ...r, url: URL.createObjectURL(new Blob([r.bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })) }))
      .catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)))
      .finally(() => setMaking(false));
  };

  const problems = files.filter((f) => f.problem);
  return (
    <FluentProvider theme={theme}>
      <div className={mergeClasses(styles.window, isDarkColor(theme.colorNeutralBackground1) ? styles.dark : styles.light)}>
        <div className={styles.root}>
          <header className={styles.header}>
            <div className={styles.brand}>
              <Image src="../assets/icon-32.png" alt="" width={20} height={20} />
              <Caption1Strong>{strings.title}</Caption1Strong>
              {onSwitchLanguage && (
                <Button size="small" appearance="subtle" className={styles.language} onClick={onSwitchLanguage}>
                  {strings.language}
                </Button>
              )}
            </div>
            <Subtitle1 as="h1" className={styles.title}>
              {definition.title[strings.locale]}
            </Subtitle1>
            <Caption1 className={styles.muted}>{page.intro}</Caption1>
          </header>

          {!online && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{page.offline}</MessageBarBody>
            </MessageBar>
          )}

          <main className={styles.form}>
            <section
              className={mergeClasses(styles.drop, dragging && styles.dropActive)}
              aria-labelledby="files-heading"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <Caption1Strong id="files-heading">{page.filesLabel}</Caption1Strong>
              <div className={styles.actions}>
                <Button appearance="primary" disabled={reading} onClick={() => fileInput.current?.click()}>
                  {page.chooseFiles}
                </Button>
                {/* Hidden from everyone: the button above opens it (a file input cannot be styled). */}
                <input
                  ref={fileInput} className={styles.hiddenInput} type="file" multiple tabIndex={-1} aria-hidden="true"
                  accept=".xlsx,.xlsm,.xls,.ods,.csv,.txt"
                  onChange={(e) => {
                    void addFiles(e.currentTarget.files);
                    e.currentTarget.value = '';
                  }}
                />
                {reading && <Spinner size="tiny" label={page.reading} />}
              </div>
              <Caption1 className={styles.muted}>{page.dropHint}</Caption1>
              {files.length === 0 ? <Body1>{page.noFiles}</Body1> : (
                <>
                  <Caption1>{page.filesRead(files.length)}</Caption1>
                  <ul className={styles.files}>
                    {files.map((f) => (
                      <li key={f.name}>
                        <Caption1>{f.name}</Caption1>{' '}
                        <Button size="small" appearance="subtle" aria-label={page.removeFile(f.name)} onClick={() => setFiles((current) => current.filter((c) => c.name !== f.name))}>
                          {page.remove}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {problems.map((f) => (
                <MessageBar key={f.name} intent="error" layout="multiline">
                  <MessageBarBody>{page.unreadable(f.name, f.problem as string)}</MessageBarBody>
                </MessageBar>
              ))}
            </section>

            <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)} size="small">
              <Tab value="report">{strings.tabs.report}</Tab>
              <Tab value="data">{strings.tabs.data}</Tab>
              <Tab value="org">{strings.tabs.org}</Tab>
            </TabList>

            {tab === 'data' && (
              <WorkbookScan
                strings={strings}
                {...(scan ? { scan } : {})}
                scanning={reading}
                onRescan={() => setFiles((current) => [...current])}
                onChooseColumn={(label, field, column) => {
                  const where = fileAndSheet(books, label);
                  if (!where) return;
                  setMappings((m) => ({ ...m, [where.file]: withMapping(m[where.file] ?? [], where.sheet, field, column) }));
                  setMade(undefined);
                }}
              />
            )}

            {tab === 'org' && (
              <OrgForm
                // Kept in the browser, not in a workbook: the form says so.
                strings={{ ...strings, org: { ...strings.org, hint: page.orgHint, saved: page.orgSaved } }}
                {...(org ?? scan?.settings.org ? { org: org ?? scan?.settings.org } : {})}
                saved={orgSaved}
                onSave={(next) => {
                  setOrg(next);
                  setOrgSaved(true);
                  onSaveOrg?.(next);
                }}
              />
            )}

            {tab === 'report' && (
              <div className={styles.form}>
                <Field label={strings.reportKind}>
                  <Select
                    value={definition.id}
                    disabled={making}
                    onChange={(_, data) => {
                      if (!reports.get(data.value)) return;
                      setKind(data.value);
                      setMade(undefined);
                    }}
                  >
                    {reports.menu().map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.label[strings.locale]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <ParamFields strings={strings} specs={definition.params} input={input} onChange={setInput} disabled={making} />
                <div className={styles.actions}>
                  <Button appearance="primary" disabled={!ready} onClick={generate}>
                    {strings.generate}
                  </Button>
                  {making && <Spinner size="tiny" label={strings.steps.compute} />}
                </div>
                {failure && (
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{page.failed}</MessageBarTitle> {failure}
                    </MessageBarBody>
                  </MessageBar>
                )}
                {made && (
                  <>
                    <Divider />
                    <div className={styles.actions}>
                      <Button as="a" appearance="primary" href={made.url} download={made.fileName}>
                        {page.download(made.fileName)}
                      </Button>
                    </div>
                    <Caption1 className={styles.muted}>{page.downloadHint}</Caption1>
                    <ResultSummary
                      strings={strings}
                      result={{ report: made.generated.report, issues: made.generated.issues, sheets: made.generated.plan?.sheets.map((s) => s.name) ?? [], skipped: [], syncs: 0, templateUsed: false, templates: [] }}
                    />
                    <IssueList strings={strings} issues={made.generated.issues} />
                  </>
                )}
              </div>
            )}
          </main>
        </div>
      </div>
    </FluentProvider>
  );
}
