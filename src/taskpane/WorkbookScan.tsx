import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Issue } from '../domain/issues';
import { kindDef } from '../ingest/kinds';
import { hasData, hasSheets, type Scan, type SheetSummary } from '../workbook/office/scanInExcel';
import { IssueList } from './IssueList';
import { Notice } from './Notice';
import type { Strings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  sheetHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  dropdown: { minWidth: 0, width: '100%' },
});

export interface WorkbookScanProps {
  strings: Strings;
  scan?: Scan;
  scanning: boolean;
  error?: string;
  notice?: string;
  /** What this Excel cannot do here (no refresh on a co-author's change before ExcelApi 1.7). */
  note?: string;
  onRescan: () => void;
  /** The user picked `column` (a sheet column letter) for `field` of `sheet`. */
  onChooseColumn: (sheet: string, field: string, column: string) => void;
  /** Go to an issue's cell; none outside Excel (the standalone page). */
  onSelectIssue?: (issue: Issue, index: number) => void;
}

/** The Data tab: each sheet with its kind, record count and columns (changeable), then the issues by sheet. */
export function WorkbookScan({ strings, scan, scanning, error, notice, note, onRescan, onChooseColumn, onSelectIssue }: WorkbookScanProps) {
  const styles = useStyles();
  const nf = new Intl.NumberFormat(strings.intl);
  return (
    <section className={styles.root} aria-busy={scanning}>
      <div className={styles.row}>
        <Subtitle2 as="h2" className={styles.heading}>
          {strings.scanTitle}
        </Subtitle2>
        <Button size="small" onClick={onRescan} disabled={scanning}>
          {strings.rescan}
        </Button>
      </div>
      {scanning && <Spinner size="tiny" label={strings.scanning} />}
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.scanFailed}</MessageBarTitle> {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <Notice intent="success">{notice}</Notice>
      )}
      {note && <Caption1 className={styles.muted}>{note}</Caption1>}
      {scan && !scanning && !hasData(scan) && (
        <Notice intent="info">{strings.emptyWorkbook}</Notice>
      )}
      {scan && !scanning && hasData(scan) && !hasSheets(scan, ['staff']) && (
        <Notice intent="warning">{strings.noStaffSheet}</Notice>
      )}
      {scan && scan.sheets.length > 0 && (
        <Accordion collapsible multiple>
          {scan.sheets.map((sheet) => (
            <AccordionItem key={sheet.sheet} value={sheet.sheet}>
              <AccordionHeader>
                <span className={styles.sheetHeader}>
                  <span>{sheet.sheet}</span>
                  <Badge appearance="tint" color={sheet.kind ? 'brand' : 'subtle'}>
                    {sheet.kind ? strings.kindLabels[sheet.kind] : strings.unrecognised}
                  </Badge>
                  {sheet.kind && <Caption1 className={styles.muted}>{strings.records(nf.format(sheet.recordCount))}</Caption1>}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <SheetColumns strings={strings} sheet={sheet} onChooseColumn={onChooseColumn} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
      {scan && scan.issues.length > 0 && <IssuesBySheet strings={strings} issues={scan.issues} onSelect={onSelectIssue} />}
    </section>
  );
}

function SheetColumns({ strings, sheet, onChooseColumn }: { strings: Strings; sheet: SheetSummary; onChooseColumn: WorkbookScanProps['onChooseColumn'] }) {
  const styles = useStyles();
  const def = sheet.kind ? kindDef(sheet.kind) : undefined;
  if (!def || !sheet.columns?.length) return <Caption1 className={styles.muted}>{strings.unrecognised}</Caption1>;
  const columnOf = (field: string) => {
    const m = sheet.mapping.find((x) => x.field === field);
    return m ? sheet.columns?.find((c) => c.col === m.col) : undefined;
  };
  return (
    <div className={styles.fields} role="group" aria-label={strings.mappingOf(sheet.sheet)}>
      {def.fields.map((field) => {
        const current = columnOf(field.key);
        const text = (c: { column: string; header: string }) => `${c.column} — ${c.header}`;
        return (
          <Field key={field.key} label={field.label} size="small">
            <Dropdown
              size="small"
              // The list in the DOM right after its field, inside the pane's main landmark, not in a
              // portal at the end of the body: Fluent's advice for touch screen readers.
              inlinePopup
              className={styles.dropdown}
              value={current ? text(current) : strings.notMapped}
              selectedOptions={current ? [current.column] : []}
              onOptionSelect={(_, data) => data.optionValue && onChooseColumn(sheet.sheet, field.key, data.optionValue)}
            >
              {sheet.columns?.map((c) => (
                <Option key={c.column} value={c.column} text={text(c)}>
                  {text(c)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}

/** One list per sheet, errors first within each (the sheets in workbook order). */
function IssuesBySheet({ strings, issues, onSelect }: { strings: Strings; issues: Issue[]; onSelect?: (issue: Issue, index: number) => void }) {
  const sheets = [...new Set(issues.map((i) => i.sheet))];
  return (
    <>
      {sheets.map((sheet) => (
        <IssueList key={sheet} strings={{ ...strings, issues: `${strings.issues}: ${sheet}` }} issues={issues.filter((i) => i.sheet === sheet)} {...(onSelect ? { onSelect } : {})} />
      ))}
    </>
  );
}
