import { Button, Caption1, Caption1Strong, FluentProvider, Image, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Tab, TabList, makeStaticStyles, makeStyles, mergeClasses, tokens, useId, type Theme } from '@fluentui/react-components';
import { useState } from 'react';
import type { Issue } from '../domain/issues';
import type { ExcelHost } from '../workbook/office/host';
import { selectCell } from '../workbook/office/selectCell';
import { isDarkColor } from './theme';
import { withMapping } from '../workbook/hiddenSheet';
import { OrgForm } from './OrgForm';
import { ReportTab, useReportTab } from './ReportTab';
import type { Strings } from './strings';
import { useWorkbook } from './useWorkbook';
import { WorkbookScan } from './WorkbookScan';

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
  // The browser's own parts of the controls (the date fields' calendar button and picker, scroll
  // bars) in the theme's scheme: a black calendar icon on the dark theme's grey is hardly seen.
  dark: { colorScheme: 'dark' },
  light: { colorScheme: 'light' },
  // The main landmark and the tab panel lay out their content as the root does.
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  language: { marginLeft: 'auto' },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
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

/**
 * The pane: the report (ReportTab: the kinds of the registry, src/reports/index.ts), the data as
 * scanned on open (sheets, kinds, columns to correct, issues by sheet), and the organisation details
 * of the header and signature. Settings are saved in the workbook.
 */
export function App({ strings, theme, host, now = clock, onSwitchLanguage }: AppProps) {
  useGlobalStyles();
  const styles = useStyles();
  const reportTab = useReportTab(host, now);
  const workbook = useWorkbook(host);
  const [tab, setTab] = useState<TabName>('report');
  const [dataProblem, setDataProblem] = useState<string>();
  const tabId = useId('tab');
  const settings = workbook.state.scan?.settings ?? {};

  const goToFromData = (issue: Issue) => {
    if (!host) return;
    setDataProblem(undefined);
    selectCell(host, issue.sheet, issue.cell).catch(() => setDataProblem(strings.selectFailed(`${issue.sheet}!${issue.cell}`)));
  };

  return (
    // Layout goes on an inner element: Fluent gives the provider's classes to the portal node of
    // every dropdown too, and a full-height portal node lay over the pane, swallowing every click.
    <FluentProvider theme={theme}>
      <div className={mergeClasses(styles.root, isDarkColor(theme.colorNeutralBackground1) ? styles.dark : styles.light)}>
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
            {reportTab.definition.title[strings.locale]}
          </Subtitle1>
          <Caption1 className={styles.muted}>{strings.intro}</Caption1>
        </header>

        <main className={styles.column}>
          {!host && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{strings.notInExcelTitle}</MessageBarTitle> {strings.notInExcel}
              </MessageBarBody>
            </MessageBar>
          )}

          {host && (
            <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)} size="small">
              <Tab id={`${tabId}-report`} value="report">{strings.tabs.report}</Tab>
              <Tab id={`${tabId}-data`} value="data">{strings.tabs.data}</Tab>
              <Tab id={`${tabId}-org`} value="org">{strings.tabs.org}</Tab>
            </TabList>
          )}

          {/* The selected tab's content, named by its tab; outside Office there are no tabs, only the report. */}
          <div className={styles.column} {...(host ? { role: 'tabpanel', 'aria-labelledby': `${tabId}-${tab}` } : {})}>
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

            {tab === 'report' && <ReportTab strings={strings} host={host} now={now} tab={reportTab} {...(workbook.state.scan ? { scan: workbook.state.scan } : {})} scanning={workbook.state.scanning} />}
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}
